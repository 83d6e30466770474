using Platform.Domain.Federated;
using Platform.Domain.Runs;

namespace Platform.Application.Federated.Commands.AdvanceFederation;

/// <summary>
/// Closes a round once every site it sampled sent its update or its deadline passed: with at least the quorum, its
/// updates are aggregated into the next weights (their bytes then dropped) and its figures become the run's metrics
/// at the round's step; with fewer, the round fails and the federation tries it again or fails.
/// </summary>
internal sealed class RoundClosing(IPlatformDbContext db, IFederatedAggregator maths, ServerEvaluation evaluation)
{
    public async Task<IReadOnlyList<MetricPoint>> CloseIfDueAsync(Federation federation, FederationRound round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const RoundPhase phase = RoundPhase.Update;
        var received = await db.FederationSubmissions.Where(s => s.RoundId == round.Id && s.Phase == phase).CountAsync(cancellationToken);
        if (received < round.Sites.Count && now <= round.PhaseDeadline)
        {
            return [];
        }

        // In one order every time (by site), so that a round's float sums are the same whatever order its updates arrived in.
        var submissions = await db.FederationSubmissions.Where(s => s.RoundId == round.Id && s.Phase == phase).OrderBy(s => s.DeviceId).ToListAsync(cancellationToken);
        var bytes = submissions.Sum(s => s.Bytes);
        if (submissions.Count < federation.Plan.Quorum)
        {
            round.Fail($"{submissions.Count} of its {round.Sites.Count} sites sent an update by the deadline; it needs {federation.Plan.Quorum}", submissions.Count, bytes, now);
            federation.RoundFailed(round, now);
            return [];
        }

        var aggregated = maths.Aggregate(federation, [.. submissions.Select(s => (s.Payload, s.Samples))]);
        var points = await AggregatedAsync(federation, round, submissions, aggregated, bytes, now, cancellationToken);
        submissions.ForEach(s => s.Discard());
        return points;
    }

    /// <summary>Closes the round with its aggregated weights, the ε spent once it counts, and its figures as the run's points at its step.</summary>
    public async Task<IReadOnlyList<MetricPoint>> AggregatedAsync(
        Federation federation, FederationRound round, List<FederationSubmission> updates, AggregatedWeights aggregated, long bytes, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        double? epsilon = null;
        if (federation.Plan.Privacy is { } privacy)
        {
            var rates = await db.FederationRounds.Where(r => r.FederationId == federation.Id && r.State == RoundState.Aggregated)
                .OrderBy(r => r.Number).Select(r => r.SamplingRate).ToListAsync(cancellationToken);
            epsilon = maths.Epsilon(privacy, [.. rates, round.SamplingRate]);
        }

        var outcome = Outcome(updates, bytes);
        round.Close(outcome, epsilon, now);
        federation.Aggregated(round, aggregated.Weights, aggregated.ServerState, epsilon);
        var points = Points(round, outcome, epsilon, now);
        if (await evaluation.EvaluateAsync(federation, cancellationToken) is { } server)
        {
            points.Add(new MetricPoint("server.loss", server.Loss, round.Number, now.ToUnixTimeMilliseconds()));
            points.Add(new MetricPoint("server.accuracy", server.Accuracy, round.Number, now.ToUnixTimeMilliseconds()));
        }

        return points;
    }

    private static RoundOutcome Outcome(List<FederationSubmission> submissions, long bytes)
    {
        var samples = submissions.Sum(s => s.Samples);
        var validation = submissions.Where(s => s.ValidationSamples > 0 && s.ValidationLoss is not null && s.ValidationAccuracy is not null).ToList();
        var validationRows = validation.Sum(s => (double)s.ValidationSamples);
        var trained = submissions.Where(s => s.TrainingLoss is not null).ToList();
        var trainedRows = trained.Sum(s => (double)s.Samples);
        return new RoundOutcome(
            submissions.Count, samples, bytes,
            trainedRows > 0 ? trained.Sum(s => s.TrainingLoss!.Value * s.Samples) / trainedRows : null,
            validationRows > 0 ? validation.Sum(s => s.ValidationLoss!.Value * s.ValidationSamples) / validationRows : null,
            validationRows > 0 ? validation.Sum(s => s.ValidationAccuracy!.Value * s.ValidationSamples) / validationRows : null);
    }

    private static List<MetricPoint> Points(FederationRound round, RoundOutcome outcome, double? epsilon, DateTimeOffset now)
    {
        var (step, at) = ((long)round.Number, now.ToUnixTimeMilliseconds());
        var points = new List<MetricPoint>
        {
            new("federated.sites", outcome.Updates, step, at),
            new("federated.samples", outcome.Samples, step, at),
            new("federated.bytes_received", outcome.BytesReceived, step, at),
        };
        void Add(string key, double? value)
        {
            if (value is { } v)
            {
                points.Add(new MetricPoint(key, v, step, at));
            }
        }

        Add("federated.training_loss", outcome.TrainingLoss);
        Add("federated.validation_loss", outcome.ValidationLoss);
        Add("federated.validation_accuracy", outcome.ValidationAccuracy);
        Add("dp.epsilon", epsilon);
        return points;
    }
}
