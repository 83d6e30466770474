using Platform.Domain.Federated;
using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Privacy;

namespace Platform.Infrastructure.Federated;

/// <summary>
/// A round's updates into the next global weights, as the plan's strategy says. Under central DP (without secure
/// aggregation) the server clips each update to the plan's norm itself, whatever the site did, averages them without
/// weights (so one site moves the mean by at most C/n) and adds Gaussian noise of z·C/n from a CSPRNG-seeded source.
/// FedAvg and FedProx average by samples (FedProx differs on the sites); FedAdam and FedYogi step the weights with the
/// server optimiser's moments, kept in the federation between rounds; the robust ones pick per coordinate or per update.
/// </summary>
internal static class RoundStrategy
{
    public static float[] Combine(FederationPlan plan, List<SiteUpdate> updates)
    {
        if (plan.Privacy is { } privacy)
        {
            foreach (var update in updates)
            {
                UpdateClipping.ClipL2(update.Delta, privacy.ClipNorm);
            }

            var mean = Aggregation.FedAvg([.. updates.Select(u => u with { Samples = 1 })]);
            if (!plan.SecureAggregation && privacy.NoiseMultiplier > 0)
            {
                GaussianNoise.Add(mean, privacy.NoiseMultiplier * privacy.ClipNorm / updates.Count);
            }

            return mean;
        }

        return plan.Strategy.Kind switch
        {
            FederatedStrategy.Median => Aggregation.Median(updates),
            FederatedStrategy.TrimmedMean => Aggregation.TrimmedMean(updates, plan.Strategy.TrimShare),
            FederatedStrategy.Krum => Aggregation.Krum(updates, plan.Strategy.Byzantine),
            _ => Aggregation.FedAvg(updates),
        };
    }

    /// <summary>The next weights from the combined update, and the server optimiser's state to keep (empty for a strategy without one).</summary>
    public static (float[] Weights, byte[] State) Step(FederationPlan plan, float[] weights, float[] delta, byte[] state)
    {
        if (plan.Strategy.Kind is FederatedStrategy.FedAdam or FederatedStrategy.FedYogi)
        {
            var kind = plan.Strategy.Kind == FederatedStrategy.FedAdam ? ServerOptimizerKind.Adam : ServerOptimizerKind.Yogi;
            var optimizer = new ServerOptimizer(kind, weights.Length, plan.Strategy.ServerLearningRate).Restore(state);
            var next = optimizer.Step(weights, delta);
            return (next, optimizer.State);
        }

        var stepped = new float[weights.Length];
        var rate = (float)plan.Strategy.ServerLearningRate;
        for (var i = 0; i < stepped.Length; i++)
        {
            stepped[i] = weights[i] + (rate * delta[i]);
        }

        return (stepped, []);
    }
}
