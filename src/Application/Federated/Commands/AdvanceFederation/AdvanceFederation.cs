using Platform.Domain.Federated;
using Platform.Domain.Runs;

namespace Platform.Application.Federated.Commands.AdvanceFederation;

/// <summary>
/// One tick of one federation, run by the federation driver. A waiting one begins once enough consenting sites hold a
/// compatible dataset (its model's shape fixed from their summaries). A running one with no round open opens the next
/// (sampling its sites), completes after its last, or stops when the next round would pass its privacy budget. An open
/// round closes once every site answered or its deadline passed: aggregated with its quorum, otherwise failed and tried
/// again. One save: the aggregation, the new weights and the round's close are one transaction, so a restart never
/// aggregates a round twice. Returns whether the federation changed.
/// </summary>
[RequiresRole(Role.System)]
public sealed record AdvanceFederationCommand(Guid Id) : ICommand<bool>;

public sealed class AdvanceFederationCommandHandler(
    IPlatformDbContext db, IFederatedAggregator maths, ISecureAggregation secure, IArtifactStore store, IDatasetParts parts, IMetricWriter metrics, TimeProvider clock)
    : ICommandHandler<AdvanceFederationCommand, bool>
{
    public async ValueTask<bool> Handle(AdvanceFederationCommand command, CancellationToken cancellationToken)
    {
        var federation = await db.LoadFederationAsync(command.Id, cancellationToken);
        var (before, now) = (federation.ConcurrencyVersion, clock.GetUtcNow());
        IReadOnlyList<MetricPoint> points = [];
        if (federation.State == FederationState.Waiting)
        {
            await BeginAsync(federation, cancellationToken);
        }

        if (federation.State == FederationState.Running)
        {
            if (federation.CurrentRoundId is { } roundId)
            {
                var round = await db.FederationRounds.SingleAsync(r => r.Id == roundId, cancellationToken);
                var closing = new RoundClosing(db, maths, new ServerEvaluation(db, store, parts, maths));
                points = federation.Plan.SecureAggregation
                    ? await new SecureRoundProgress(db, secure, closing).AdvanceAsync(federation, round, now, cancellationToken)
                    : await closing.CloseIfDueAsync(federation, round, now, cancellationToken);
            }

            if (federation.CurrentRoundId is null && federation.State == FederationState.Running)
            {
                await NextRoundAsync(federation, now, cancellationToken);
            }
        }

        if (!federation.IsActive)
        {
            await FederationCompletion.FinishAsync(db, maths, store, federation, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (points.Count > 0)
        {
            // After the save: a crash in between loses a round's points, never aggregates it twice.
            await metrics.WriteAsync(federation.RunId, points, jobId: null, cancellationToken);
        }

        return federation.ConcurrencyVersion != before;
    }

    private async Task BeginAsync(Federation federation, CancellationToken cancellationToken)
    {
        var eligible = await db.EligibleAsync(federation, cancellationToken);
        if (eligible.Count < federation.Plan.Sampling.MinSites)
        {
            federation.StillWaiting(Waiting(eligible.Count, federation.Plan));
            return;
        }

        try
        {
            var shape = maths.Shape(eligible, federation.Plan.LabelColumn);
            federation.Begin(shape, maths.InitialWeights(federation.Plan.Model, shape, federation.Plan.Seed));
        }
        catch (FederatedModelException e)
        {
            federation.Fail($"The sites' datasets cannot make a model: {e.Message}", clock.GetUtcNow());
        }
    }

    private async Task NextRoundAsync(Federation federation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = federation.Plan;
        if (federation.CompletedRounds >= plan.Rounds)
        {
            federation.Complete(now);
            return;
        }

        var eligible = await db.EligibleAsync(federation, cancellationToken);
        if (eligible.Count < plan.Sampling.MinSites)
        {
            federation.StillWaiting(Waiting(eligible.Count, plan));
            return;
        }

        var number = federation.CompletedRounds + 1;
        var attempt = await NextAttemptAsync(federation, number, cancellationToken);
        var sites = FederationSites.Sample([.. eligible.Select(d => d.DeviceId)], plan, number, attempt);
        if (plan.Privacy is { EpsilonBudget: { } budget } privacy)
        {
            var rates = await AggregatedRatesAsync(federation, cancellationToken);
            var next = maths.Epsilon(privacy, [.. rates, (double)sites.Count / eligible.Count]);
            if (next > budget)
            {
                federation.StopForBudget(next, now);
                return;
            }
        }

        db.FederationRounds.Add(federation.OpenRound(sites, eligible.Count, attempt, now));
    }

    private async Task<int> NextAttemptAsync(Federation federation, int number, CancellationToken cancellationToken) =>
        1 + (await db.FederationRounds.Where(r => r.FederationId == federation.Id && r.Number == number).MaxAsync(r => (int?)r.Attempt, cancellationToken) ?? 0);

    /// <summary>
    /// The sampling rates of the rounds aggregated so far, the one aggregated earlier in this tick included: it is closed in
    /// memory only until the tick's save, so the database alone would leave it out and let the budget be passed by a round.
    /// </summary>
    private async Task<List<double>> AggregatedRatesAsync(Federation federation, CancellationToken cancellationToken)
    {
        var stored = await db.FederationRounds.Where(r => r.FederationId == federation.Id && r.State == RoundState.Aggregated)
            .Select(r => new { r.Id, r.SamplingRate }).ToListAsync(cancellationToken);
        var closedNow = db.FederationRounds.Local.Where(r => r.FederationId == federation.Id && r.State == RoundState.Aggregated).Select(r => new { r.Id, r.SamplingRate });
        return [.. stored.UnionBy(closedNow, r => r.Id).Select(r => r.SamplingRate)];
    }

    private static string Waiting(int eligible, FederationPlan plan) =>
        $"Waiting for sites: {eligible} of the {plan.Sampling.MinSites} a round needs consent, are active and hold dataset '{plan.Dataset}'";
}
