using System.Text.Json;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Federated;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.Infrastructure.Federated;

/// <summary>
/// <see cref="ISecureAggregation"/> over MachineLearning's protocol objects. The round's threshold is ⌈2n/3⌉, lowered to
/// the quorum when that is smaller but never to a minority; int8 travels in a 16-bit field at the round's scale (clip/127),
/// float32 as fixed point in 32 bits; the clip is the privacy plan's norm, or 1 without privacy. The unmasked sum's mean
/// (each survivor counts once: under secure aggregation the server cannot weight by samples) steps the weights.
/// </summary>
internal sealed class SecureAggregator : ISecureAggregation
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public SecureRoundSettings Settings(Federation federation, FederationRound round)
    {
        var n = round.Sites.Count;
        var threshold = Math.Max((n / 2) + 1, Math.Min(RoundParameters.DefaultThreshold(n), federation.Plan.Quorum));
        var bits = federation.Plan.Compression.Encoding == UpdateEncodingKind.Int8 ? 16 : 32;
        return new SecureRoundSettings(n, Math.Min(threshold, n), bits, federation.Plan.Privacy?.ClipNorm ?? 1.0);
    }

    public string? Check(Federation federation, FederationRound round, RoundPhase phase, int site, byte[] payload, IReadOnlyCollection<int> advertised)
    {
        try
        {
            var parameters = Parameters(federation, round);
            switch (phase)
            {
                case RoundPhase.AdvertiseKeys:
                    var keys = Read<SiteKeys>(payload);
                    SecureAggregationServer.Check(parameters, Mine(keys, keys.Site, site));
                    break;
                case RoundPhase.ShareKeys:
                    var shares = Read<SiteShares>(payload);
                    SecureAggregationServer.Check(parameters, Mine(shares, shares.Site, site), advertised);
                    break;
                case RoundPhase.MaskedUpdate:
                    return payload.Length == parameters.VectorBytes ? null : $"must be the masked vector of {parameters.VectorBytes} bytes, not {payload.Length}";
                default:
                    var answer = Read<UnmaskingShares>(payload);
                    _ = Mine(answer, answer.Site, site);
                    break;
            }

            return null;
        }
        catch (Exception e) when (e is SecureAggregationException or JsonException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }

    public IReadOnlyDictionary<int, string> SharesFor(int site, IReadOnlyList<byte[]> shares) =>
        SecureAggregationServer.SharesFor(site, shares.Select(Read<SiteShares>)).ToDictionary(s => s.From, s => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(s, Json)));

    public AggregatedWeights Aggregate(
        Federation federation, FederationRound round, IReadOnlyList<byte[]> keys, IReadOnlyCollection<int> sharers, IReadOnlyDictionary<int, byte[]> masked,
        IReadOnlyList<byte[]> answers)
    {
        var parameters = Parameters(federation, round);
        try
        {
            var sum = SecureAggregationServer.Sum(parameters, masked.Select(m => new MaskedUpdate(m.Key, m.Value)));
            var plain = SecureAggregationServer.Unmask(parameters, sum, [.. keys.Select(Read<SiteKeys>)], sharers, [.. masked.Keys], [.. answers.Select(Read<UnmaskingShares>)]);
            var total = Encoding(federation).Decode(plain, masked.Count);
            var mean = Array.ConvertAll(total, v => v / masked.Count);
            var (next, state) = RoundStrategy.Step(federation.Plan, FederatedAggregator.Floats(federation.Weights), mean, federation.ServerState);
            return new AggregatedWeights(FederatedAggregator.Bytes(next), state);
        }
        catch (Exception e) when (e is SecureAggregationException or JsonException or ArgumentException)
        {
            throw new RoundAggregationException($"Secure aggregation could not unmask the round's sum: {e.Message}");
        }
    }

    private RoundParameters Parameters(Federation federation, FederationRound round)
    {
        var settings = Settings(federation, round);
        return new RoundParameters(
            round.Id, settings.Sites, settings.Threshold, settings.FieldBits == 16 ? FieldWidth.Bits16 : FieldWidth.Bits32,
            federation.Shape!.ParameterCount(federation.Plan.Model));
    }

    private FieldEncoding Encoding(Federation federation)
    {
        var clip = (float)(federation.Plan.Privacy?.ClipNorm ?? 1.0);
        return federation.Plan.Compression.Encoding == UpdateEncodingKind.Int8 ? FieldEncoding.Int8(clip) : FieldEncoding.FixedPoint32(clip);
    }

    private static T Mine<T>(T message, int claimed, int site) =>
        claimed == site ? message : throw new ArgumentException($"says it is from site {claimed}; this site is number {site} in the round");

    private static T Read<T>(byte[] payload) => JsonSerializer.Deserialize<T>(payload, Json) ?? throw new JsonException("is empty");
}
