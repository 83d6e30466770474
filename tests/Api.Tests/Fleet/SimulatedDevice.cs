using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Api.Tests.Support;
using Platform.Contracts.Fleet;

namespace Platform.Api.Tests.Fleet;

/// <summary>
/// A device of the fleet simulator: its own key and token, polling its desired state with its ETag, checking each
/// manifest's signature and the file's hash, and reporting what it serves. <see cref="Healthy"/> decides whether a new
/// version passes its local check (a failing one is reported Failed and the device keeps its previous version).
/// </summary>
internal sealed class SimulatedDevice(TestDevice identity, IReadOnlyList<ManifestKey> trusted) : IDisposable
{
    private readonly Dictionary<string, (int? Serving, int Target, ModelOnDevice State, string? Reason)> _models = [];
    private HttpClient? _client;
    private string? _etag;
    private long _sequence;

    public Guid Id => identity.Id;

    public Func<string, int, bool> Healthy { get; set; } = (_, _) => true;

    public int? Serving(string model) => _models.TryGetValue(model, out var m) ? m.Serving : null;

    /// <summary>Every (model, version) it switched to, in order: a version appears twice only if it was applied twice.</summary>
    public List<(string Model, int Version)> Applied { get; } = [];

    /// <summary>One poll: a 304 changes nothing; a new desired state is applied model by model; then a report.</summary>
    public async Task PollAsync()
    {
        _client ??= await identity.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, FleetApi.DesiredState);
        if (_etag is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(_etag));
        }

        using var response = await _client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.NotModified)
        {
            var desired = (await response.ExpectAsync(200)).Deserialize<DeviceDesiredState>(Json.Options)!;
            _etag = response.Headers.ETag!.ToString();
            foreach (var model in desired.Models)
            {
                await ApplyAsync(model);
            }
        }

        await ReportAsync();
    }

    private async Task ApplyAsync(DesiredModel desired)
    {
        var current = _models.GetValueOrDefault(desired.Name);
        if (current.Target == desired.Version && current.State != ModelOnDevice.Downloading)
        {
            return;
        }

        if (desired.Version == current.Serving)
        {
            // Sent back to what it serves (a rollback after it refused the new version): nothing to switch.
            _models[desired.Name] = (current.Serving, desired.Version, ModelOnDevice.Healthy, null);
            return;
        }

        using var key = Es256.Import(trusted.Single(k => k.Kid == Es256.KeyId(desired.Manifest)).Key)!;
        var manifest = Es256.Verify(desired.Manifest, key)!.Value.Deserialize<ModelManifest>(Json.Options)!;
        var file = await (await _client!.GetAsync(manifest.DownloadPath)).Content.ReadAsByteArrayAsync();
        Assert.Equal((manifest.Sha256, manifest.DeviceId), (Convert.ToHexStringLower(SHA256.HashData(file)), Id));
        if (Healthy(desired.Name, desired.Version))
        {
            _models[desired.Name] = (desired.Version, desired.Version, ModelOnDevice.Healthy, null);
            Applied.Add((desired.Name, desired.Version));
        }
        else
        {
            _models[desired.Name] = (current.Serving, desired.Version, ModelOnDevice.Failed, "error rate 40 % in its first minute");
        }
    }

    public async Task ReportAsync()
    {
        var models = _models.Select(m => new ReportedModel(
            m.Key, m.Value.Serving, m.Value.Target, m.Value.State, m.Value.Reason, DateTimeOffset.UtcNow, 100, m.Value.State == ModelOnDevice.Failed ? 40 : 0, 12.5)).ToList();
        await (await _client!.PostJsonAsync(FleetApi.Report, new DeviceReport(++_sequence, _etag, models))).ExpectAsync(202);
    }

    public void Dispose()
    {
        _client?.Dispose();
        identity.Dispose();
    }
}
