using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Federated;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.Edge.Federated;

/// <summary>
/// A site's side of secure aggregation (Bonawitz et al. 2017; docs/decisions/ADR-009), a round at a time: it advertises
/// its keys, shares them among the peers, trains and sends its update masked in the round's field, and reveals what
/// unmasks the sum — for each survivor its self-mask share, for each dropped site its mask-key share, never both. A
/// round's state lives in memory: a site that restarts mid-round has dropped out of it, which the round survives.
/// </summary>
internal sealed class SecureSiteRounds(Func<Func<HttpRequestMessage>, CancellationToken, Task<HttpResponseMessage>> send)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly Dictionary<Guid, SecureAggregationSite> _rounds = [];

    public long BytesSent { get; private set; }

    public async Task<bool> StepAsync(FederatedTask task, LocalDataset dataset, Func<FederatedTask, CancellationToken, Task<float[]>> weights, CancellationToken cancellationToken)
    {
        var secure = task.SecureAggregation!;
        var site = Site(task);
        switch (task.Phase)
        {
            case "AdvertiseKeys":
                return await PostAsync(task, "keys", site.AdvertiseKeys(), cancellationToken);
            case "ShareKeys":
                return await PostAsync(task, "shares", site.ShareKeys([.. secure.Peers.Values.Select(p => Read<SiteKeys>(p))]), cancellationToken);
            case "MaskedUpdate":
                var trained = SiteTraining.Run(task, dataset, await weights(task, cancellationToken));
                var clip = (float)secure.Clip;
                var field = secure.FieldBits == 16 ? FieldEncoding.Int8(clip) : FieldEncoding.FixedPoint32(clip);
                var masked = site.MaskedInput(field.Encode(trained.Delta, new Random(task.Training.Seed)), [.. secure.Peers.Values.Select(p => Read<EncryptedShare>(p))], [.. secure.Sharers!]);
                return await SendAsync(task, FederatedSiteApi.Update(task.FederationId, task.RoundId), trained.ToUpdate(masked.Masked), masked.Masked.Length, cancellationToken);
            case "Unmask":
                var revealed = site.Unmask([.. secure.Survivors!], [.. secure.Dropped!]);
                Forget(task.RoundId);
                return await PostAsync(task, "unmask", revealed, cancellationToken);
            default:
                return false;
        }
    }

    private SecureAggregationSite Site(FederatedTask task)
    {
        if (!_rounds.TryGetValue(task.RoundId, out var site))
        {
            var secure = task.SecureAggregation!;
            var length = SiteTraining.Spec(task.Model).ParameterCount;
            site = new SecureAggregationSite(
                new RoundParameters(task.RoundId, secure.Sites, secure.Threshold, secure.FieldBits == 16 ? FieldWidth.Bits16 : FieldWidth.Bits32, length), task.SiteNumber);
            _rounds[task.RoundId] = site;
        }

        return site;
    }

    private void Forget(Guid round)
    {
        if (_rounds.Remove(round, out var site))
        {
            site.Dispose();
        }
    }

    private Task<bool> PostAsync<T>(FederatedTask task, string phase, T message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        return SendAsync(task, FederatedSiteApi.Message(task.FederationId, task.RoundId, phase), new SiteMessage(Convert.ToBase64String(payload)), payload.Length, cancellationToken);
    }

    private async Task<bool> SendAsync<T>(FederatedTask task, string path, T body, int bytes, CancellationToken cancellationToken)
    {
        using var response = await send(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden)
        {
            Forget(task.RoundId);
            return false;
        }

        response.EnsureSuccessStatusCode();
        BytesSent += bytes;
        return true;
    }

    private static T Read<T>(string base64) => JsonSerializer.Deserialize<T>(Convert.FromBase64String(base64), Json)!;
}
