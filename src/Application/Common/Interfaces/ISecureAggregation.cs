using Platform.Domain.Federated;

namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Secure aggregation's server side (docs/decisions/ADR-009; Bonawitz et al. 2017) behind a port: the round's settings,
/// the checks of each phase's message (kept as the JSON bytes the site sent), the shares each site is forwarded, and the
/// unmasking of the round's sum. The server never decodes one site's update: only the sum, once unmasked.
/// </summary>
public interface ISecureAggregation
{
    SecureRoundSettings Settings(Federation federation, FederationRound round);

    /// <summary>Why a site's message for <paramref name="phase"/> cannot be taken, or null when it can; <paramref name="advertised"/> are the sites that sent keys.</summary>
    string? Check(Federation federation, FederationRound round, RoundPhase phase, int site, byte[] payload, IReadOnlyCollection<int> advertised);

    /// <summary>The encrypted shares addressed to <paramref name="site"/> in the sharers' messages, by sender, as base64 of their JSON.</summary>
    IReadOnlyDictionary<int, string> SharesFor(int site, IReadOnlyList<byte[]> shares);

    /// <summary>The next weights from the survivors' masked updates, once unmasked with the survivors' revealed shares.</summary>
    /// <exception cref="RoundAggregationException">The shares do not unmask the sum (too few, or not of the keys advertised).</exception>
    AggregatedWeights Aggregate(
        Federation federation, FederationRound round, IReadOnlyList<byte[]> keys, IReadOnlyCollection<int> sharers, IReadOnlyDictionary<int, byte[]> masked,
        IReadOnlyList<byte[]> answers);
}

/// <summary>A round's secure aggregation: its sites, the Shamir threshold, the field's bits and the clip of each weight's change.</summary>
public sealed record SecureRoundSettings(int Sites, int Threshold, int FieldBits, double Clip);

/// <summary>A round's messages did not add up to a sum (its reason says why): the round fails.</summary>
public sealed class RoundAggregationException(string message) : Exception(message);
