using Platform.Domain.Federated;
using Platform.Domain.Runs;

namespace Platform.Application.Federated.Commands.AdvanceFederation;

/// <summary>
/// A round under secure aggregation moves through its phases: each closes once every site it waits for answered or its
/// deadline passed, and needs at least the quorum and the Shamir threshold of sites to go on (the round fails otherwise,
/// saying which phase fell short). After the unmasking phase the survivors' sum is unmasked and aggregated; the masked
/// vectors and every other message of the round are then dropped.
/// </summary>
internal sealed class SecureRoundProgress(IPlatformDbContext db, ISecureAggregation secure, RoundClosing closing)
{
    private static readonly RoundPhase[] Phases = [RoundPhase.AdvertiseKeys, RoundPhase.ShareKeys, RoundPhase.MaskedUpdate, RoundPhase.Unmask];

    public async Task<IReadOnlyList<MetricPoint>> AdvanceAsync(Federation federation, FederationRound round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var participants = await RoundParticipants.OfAsync(db, round, cancellationToken);
        var (expected, answered) = (participants.Expected(round, round.Phase), participants.In(round.Phase));
        if (answered.Count < expected.Count && now <= round.PhaseDeadline)
        {
            return [];
        }

        var settings = secure.Settings(federation, round);
        var needed = round.Phase == RoundPhase.Unmask ? settings.Threshold : Math.Max(federation.Plan.Quorum, settings.Threshold);
        if (answered.Count < needed)
        {
            var bytes = await db.FederationSubmissions.Where(s => s.RoundId == round.Id).SumAsync(s => s.Bytes, cancellationToken);
            round.Fail($"secure aggregation's {round.Phase} phase had {answered.Count} of its {expected.Count} sites by the deadline; it needs {needed}", 0, bytes, now);
            federation.RoundFailed(round, now);
            await DiscardAsync(round, cancellationToken);
            return [];
        }

        if (round.Phase != RoundPhase.Unmask)
        {
            round.NextPhase(Phases[Array.IndexOf(Phases, round.Phase) + 1], TimeSpan.FromSeconds(federation.Plan.RoundDeadlineSeconds), now);
            return [];
        }

        var submissions = await db.FederationSubmissions.Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken);
        byte[][] Of(RoundPhase phase) => [.. submissions.Where(s => s.Phase == phase).Select(s => s.Payload)];
        var updates = submissions.Where(s => s.Phase == RoundPhase.MaskedUpdate).ToList();
        try
        {
            var aggregated = secure.Aggregate(
                federation, round, Of(RoundPhase.AdvertiseKeys), participants.In(RoundPhase.ShareKeys),
                updates.ToDictionary(s => round.SiteNumber(s.DeviceId), s => s.Payload), Of(RoundPhase.Unmask));
            var points = await closing.AggregatedAsync(federation, round, updates, aggregated, submissions.Sum(s => s.Bytes), now, cancellationToken);
            submissions.ForEach(s => s.Discard());
            return points;
        }
        catch (RoundAggregationException e)
        {
            round.Fail(e.Message, 0, submissions.Sum(s => s.Bytes), now);
            federation.RoundFailed(round, now);
            submissions.ForEach(s => s.Discard());
            return [];
        }
    }

    private async Task DiscardAsync(FederationRound round, CancellationToken cancellationToken) =>
        (await db.FederationSubmissions.Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken)).ForEach(s => s.Discard());
}
