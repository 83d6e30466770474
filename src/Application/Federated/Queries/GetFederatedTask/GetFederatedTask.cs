using Platform.Contracts.Federated;
using Platform.Domain.Federated;

namespace Platform.Application.Federated.Queries.GetFederatedTask;

/// <summary>
/// What a site (its device token) is asked now: the open round that sampled it and still waits for its message in the
/// round's phase, with the model, local training, update format and where the global weights are; null (204) while
/// nothing is asked, and for a site that left the federation.
/// </summary>
[RequiresRole(Role.Device)]
public sealed record GetFederatedTaskQuery : IQuery<FederatedTask?>;

public sealed class GetFederatedTaskQueryHandler(IPlatformDbContext db, ICurrentUser caller, ISecureAggregation secure, TimeProvider clock) : IQueryHandler<GetFederatedTaskQuery, FederatedTask?>
{
    public async ValueTask<FederatedTask?> Handle(GetFederatedTaskQuery query, CancellationToken cancellationToken)
    {
        var device = caller.Device?.DeviceId ?? throw new ForbiddenAccessException("Only a site asks for its federated task.");
        var now = clock.GetUtcNow();
        var open = await db.FederationRounds.AsNoTracking().Where(r => r.State == RoundState.Open && r.PhaseDeadline >= now).OrderBy(r => r.OpenedAt).ToListAsync(cancellationToken);
        foreach (var round in open.Where(r => r.SiteNumber(device) >= 0))
        {
            var (id, phase) = (round.Id, round.Phase);
            if (await db.FederationSubmissions.AnyAsync(s => s.RoundId == id && s.DeviceId == device && s.Phase == phase, cancellationToken)
                || await db.FederationSites.AnyAsync(s => s.FederationId == round.FederationId && s.DeviceId == device && s.LeftAt != null, cancellationToken))
            {
                continue;
            }

            var federation = await db.Federations.AsNoTracking().SingleAsync(f => f.Id == round.FederationId, cancellationToken);
            SecureAggregationTask? secureTask = null;
            if (federation.Plan.SecureAggregation)
            {
                var participants = await RoundParticipants.OfAsync(db, round, cancellationToken);
                if (!participants.Expected(round, phase).Contains(round.SiteNumber(device)))
                {
                    continue; // it missed the phase before: this round goes on without it
                }

                secureTask = await SecureTaskAsync(federation, round, round.SiteNumber(device), participants, cancellationToken);
            }

            return FederatedTaskOf(federation, round, round.SiteNumber(device), secureTask);
        }

        return null;
    }

    private async Task<SecureAggregationTask> SecureTaskAsync(Federation federation, FederationRound round, int site, RoundParticipants participants, CancellationToken cancellationToken)
    {
        var settings = secure.Settings(federation, round);
        var id = round.Id;
        async Task<List<(Guid Device, byte[] Payload)>> Messages(RoundPhase phase) =>
            [.. (await db.FederationSubmissions.AsNoTracking().Where(s => s.RoundId == id && s.Phase == phase).Select(s => new { s.DeviceId, s.Payload }).ToListAsync(cancellationToken))
                .Select(m => (m.DeviceId, m.Payload))];
        IReadOnlyDictionary<int, string> peers = round.Phase switch
        {
            RoundPhase.ShareKeys => (await Messages(RoundPhase.AdvertiseKeys)).ToDictionary(m => round.SiteNumber(m.Device), m => Convert.ToBase64String(m.Payload)),
            RoundPhase.MaskedUpdate => secure.SharesFor(site, [.. (await Messages(RoundPhase.ShareKeys)).Select(m => m.Payload)]),
            _ => new Dictionary<int, string>(),
        };
        return new SecureAggregationTask(
            settings.Sites, settings.Threshold, settings.FieldBits, settings.Clip, peers,
            round.Phase == RoundPhase.MaskedUpdate ? [.. participants.In(RoundPhase.ShareKeys)] : null,
            round.Phase == RoundPhase.Unmask ? [.. participants.In(RoundPhase.MaskedUpdate)] : null,
            round.Phase == RoundPhase.Unmask ? participants.Dropped : null);
    }

    private static FederatedTask FederatedTaskOf(Federation federation, FederationRound round, int site, SecureAggregationTask? secureTask)
    {
        var (plan, shape) = (federation.Plan, federation.Shape!);
        var privacy = plan.Privacy;
        return new FederatedTask(
            federation.Id, round.Id, round.Number, round.Attempt, round.Phase.ToString(), round.PhaseDeadline, site, plan.Dataset, plan.LabelColumn,
            new FederatedModelSpec(plan.Model.Kind.ToString(), plan.Model.Hidden, shape.Features, shape.Classes, shape.ImputationMeans, shape.Offset, shape.Scale),
            new LocalTraining(
                plan.Training.Epochs, plan.Training.BatchSize, plan.Training.LearningRate, plan.Strategy.Kind == FederatedStrategy.FedProx ? plan.Strategy.ProximalMu : 0,
                unchecked((plan.Seed * 7919) + (round.Number * 104_729) + (round.Attempt * 31) + site), privacy?.ClipNorm,
                plan.SecureAggregation && privacy is not null ? privacy.NoiseMultiplier * privacy.ClipNorm / Math.Sqrt(plan.Quorum) : null),
            new UpdateFormat(plan.Compression.Encoding.ToString(), plan.Compression.TopK, null),
            FederatedSiteApi.Weights(federation.Id, round.Id), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(federation.Weights)), secureTask);
    }
}
