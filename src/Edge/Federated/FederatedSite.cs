using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Contracts.Federated;
using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Compression;
using SiteUpdate = Platform.Contracts.Federated.SiteUpdate;
using UpdateFormat = Platform.Contracts.Federated.UpdateFormat;

namespace Platform.Edge.Federated;

/// <summary>
/// A site of federated training (docs/decisions/ADR-009): registers its local datasets by summary, then, each time it is
/// asked, downloads the round's global weights (checking their SHA-256), trains on its own rows, validates on its held-out
/// rows, and sends only the update, clipped, noised and compressed as the task says. Its rows never leave it.
/// </summary>
internal sealed class FederatedSite(Func<Func<HttpRequestMessage>, CancellationToken, Task<HttpResponseMessage>> send, IReadOnlyList<LocalDataset> datasets)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly SecureSiteRounds _secure = new(send);
    private long _bytesSent;

    /// <summary>The bytes of the updates and secure aggregation's messages this site sent, for the benchmark's and tests' counts.</summary>
    public long BytesSent => _bytesSent + _secure.BytesSent;

    public async Task RegisterDatasetsAsync(CancellationToken cancellationToken)
    {
        foreach (var dataset in datasets)
        {
            using var response = await send(() => new HttpRequestMessage(HttpMethod.Put, FederatedSiteApi.Dataset(dataset.Name)) { Content = JsonContent.Create(dataset.Summary(), options: Json) }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The site's next task, or null while nothing is asked of it.</summary>
    public async Task<FederatedTask?> TaskAsync(CancellationToken cancellationToken)
    {
        using var response = await send(() => new HttpRequestMessage(HttpMethod.Get, FederatedSiteApi.Task), cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<FederatedTask>(Json, cancellationToken);
    }

    /// <summary>Asks for a task and does it: true when it sent something (false: nothing asked, or a dataset it lacks).</summary>
    public async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        if (await TaskAsync(cancellationToken) is not { } task || datasets.FirstOrDefault(d => d.Name == task.Dataset) is not { } dataset)
        {
            return false;
        }

        if (task.SecureAggregation is not null)
        {
            return await _secure.StepAsync(task, dataset, WeightsAsync, cancellationToken);
        }

        var update = Train(task, dataset, await WeightsAsync(task, cancellationToken));
        using var response = await send(() => new HttpRequestMessage(HttpMethod.Post, FederatedSiteApi.Update(task.FederationId, task.RoundId)) { Content = JsonContent.Create(update, options: Json) }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            return false; // the round closed, or the site left: the next task says what is asked now
        }

        response.EnsureSuccessStatusCode();
        _bytesSent += Convert.FromBase64String(update.Update!).Length;
        return true;
    }

    private async Task<float[]> WeightsAsync(FederatedTask task, CancellationToken cancellationToken)
    {
        using var response = await send(() => new HttpRequestMessage(HttpMethod.Get, task.WeightsPath), cancellationToken);
        var bytes = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync(cancellationToken);
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != task.WeightsSha256)
        {
            throw new InvalidDataException($"The weights of round {task.Round} do not match the SHA-256 the task names.");
        }

        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    internal static SiteUpdate Train(FederatedTask task, LocalDataset dataset, float[] global)
    {
        var trained = SiteTraining.Run(task, dataset, global);
        return trained.ToUpdate(Encode(trained.Delta, task.Format, new Random(task.Training.Seed)));
    }

    private static byte[] Encode(float[] delta, UpdateFormat format, Random random) => (format.Encoding, format.TopK) switch
    {
        ("Int8", null) => UpdateEncoding.Encode(Int8Quantizer.Quantize(delta, random)),
        ("Int8", { } k) => UpdateEncoding.Encode(TopK.Sparsify(delta, Math.Min(k, delta.Length)).Quantize(random)),
        (_, { } k) => UpdateEncoding.Encode(TopK.Sparsify(delta, Math.Min(k, delta.Length))),
        _ => UpdateEncoding.Encode(delta),
    };
}
