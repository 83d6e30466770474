using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Fleet;

namespace Platform.Benchmarks;

/// <summary>
/// One simulated device of the fleet benchmark: its own key and token, its ETag, what it serves and what it refused.
/// Every request may be lost on the way (<see cref="Link"/>): before the platform sees it, or after (the answer never
/// arrives), as on a weak link; the device just tries again next round. It applies a version once (a repeat is counted).
/// </summary>
internal sealed class FleetDevice(Guid id, ECDsa key, string name)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Since = DateTimeOffset.UnixEpoch;
    private readonly HashSet<int> _applied = [];
    private string? _token;
    private string? _etag;
    private long _sequence;
    private int _target;

    public Guid Id => id;
    public string Name => name;
    public int? Serving { get; private set; }
    public int DuplicateApplies { get; private set; }

    /// <summary>The version this device refuses (its local health check fails): reported Failed, the previous one kept.</summary>
    public int? Refuses { get; set; }

    public async Task<bool> SignInAsync(HttpClient client, Link link)
    {
        var now = DateTimeOffset.UtcNow;
        var assertion = Es256.Sign(key, new Dictionary<string, object>
        {
            ["iss"] = id.ToString(), ["sub"] = id.ToString(), ["aud"] = FleetApi.TokenAudience(id), ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(4).ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString(),
        });
        using var response = await link.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, FleetApi.Token(id)) { Content = JsonContent.Create(new { assertion }) });
        if (response?.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        _token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        return true;
    }

    /// <summary>One round: sign in if need be, poll (304 while unchanged), apply what is new, report.</summary>
    public async Task RoundAsync(HttpClient client, Link link, string model)
    {
        if (_token is null && !await SignInAsync(client, link))
        {
            return;
        }

        var poll = Authorized(HttpMethod.Get, FleetApi.DesiredState);
        if (_etag is not null)
        {
            poll.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(_etag));
        }

        using (var response = await link.SendAsync(client, poll))
        {
            if (response?.StatusCode == HttpStatusCode.OK)
            {
                var desired = (await response.Content.ReadFromJsonAsync<DeviceDesiredState>(Json))!;
                var etag = response.Headers.ETag!.ToString();
                if (desired.Models.FirstOrDefault(m => m.Name == model) is not { } wanted || await ApplyAsync(client, link, wanted))
                {
                    _etag = etag;
                }
            }
        }

        await ReportAsync(client, link, model);
    }

    /// <summary>A poll alone (no report), asserting it is the unchanged answer the benchmark measures.</summary>
    public async Task PollOnlyAsync(HttpClient client, Link link)
    {
        var poll = Authorized(HttpMethod.Get, FleetApi.DesiredState);
        poll.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(_etag!));
        using var response = await link.SendAsync(client, poll);
        if (response?.StatusCode != HttpStatusCode.NotModified)
        {
            throw new InvalidOperationException($"{name}'s unchanged poll answered {(int?)response?.StatusCode}");
        }
    }

    private async Task<bool> ApplyAsync(HttpClient client, Link link, DesiredModel wanted)
    {
        _target = wanted.Version;
        if (wanted.Version == Serving || wanted.Version == Refuses)
        {
            return true;
        }

        var manifest = JsonSerializer.Deserialize<ModelManifest>(Convert.FromBase64String(Pad(wanted.Manifest.Split('.')[1])), Json)!;
        using var file = await link.SendAsync(client, Authorized(HttpMethod.Get, manifest.DownloadPath));
        if (file?.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        var bytes = await file.Content.ReadAsByteArrayAsync();
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != manifest.Sha256)
        {
            return false;
        }

        DuplicateApplies += _applied.Add(wanted.Version) ? 0 : 1;
        Serving = wanted.Version;
        return true;
    }

    private async Task ReportAsync(HttpClient client, Link link, string model)
    {
        var state = _target == 0 ? null : new ReportedModel(
            model, Serving, _target, _target == Refuses ? ModelOnDevice.Failed : ModelOnDevice.Healthy, _target == Refuses ? "error rate past the limit" : null,
            Since, 0, 0, null);
        var report = new DeviceReport(++_sequence, _etag, state is null ? [] : [state]);
        using var response = await link.SendAsync(client, Authorized(HttpMethod.Post, FleetApi.Report, JsonContent.Create(report, options: Json)));
        if (response?.StatusCode == HttpStatusCode.Unauthorized)
        {
            _token = null;
        }
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}

/// <summary>A weak link: each request is dropped with <see cref="DropRate"/>, half before the platform sees it, half after (its answer lost).</summary>
internal sealed class Link(double dropRate, int seed)
{
    private readonly Random _random = new(seed);
    private long _sent;
    private long _dropped;

    public double DropRate => dropRate;
    public long Sent => Interlocked.Read(ref _sent);
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <returns>The answer, or null when the link lost the request or its answer.</returns>
    public async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        double roll;
        lock (_random)
        {
            roll = _random.NextDouble();
        }

        Interlocked.Increment(ref _sent);
        if (roll < dropRate / 2)
        {
            Interlocked.Increment(ref _dropped);
            request.Dispose();
            return null; // lost before the platform saw it
        }

        var response = await client.SendAsync(request);
        if (roll < dropRate)
        {
            Interlocked.Increment(ref _dropped);
            response.Dispose();
            return null; // the platform acted; the answer was lost
        }

        return response;
    }
}
