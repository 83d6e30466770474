namespace Platform.Domain.Federated;

/// <summary>What makes a federation's plan unusable, each as the field (in the request's words) and the reason.</summary>
public static class FederationPlanRules
{
    public const int MaxRounds = 1000;
    public const int MaxHidden = 1024;
    public const int MaxSites = 1000;

    /// <summary>Secure aggregation's masks need enough sites that the dropped ones' can be rebuilt (ADR-009): at least this many.</summary>
    public const int MinSecureAggregationSites = 3;

    public static IEnumerable<(string Field, string Reason)> Problems(FederationPlan plan)
    {
        if (plan.Model.Kind == FederatedModelKind.Mlp && plan.Model.Hidden is < 1 or > MaxHidden)
        {
            yield return ("model.hidden", $"must be 1 to {MaxHidden} units for an MLP");
        }

        if (plan.Model.Kind == FederatedModelKind.Softmax && plan.Model.Hidden != 0)
        {
            yield return ("model.hidden", "must be 0 for softmax regression (it has no hidden layer)");
        }

        if (plan.Rounds is < 1 or > MaxRounds)
        {
            yield return ("rounds", $"must be 1 to {MaxRounds}");
        }

        if (plan.Sampling.Fraction is <= 0 or > 1 || double.IsNaN(plan.Sampling.Fraction))
        {
            yield return ("sampling.fraction", "must be above 0 and at most 1");
        }

        if (plan.Sampling.MinSites is < 1 or > MaxSites)
        {
            yield return ("sampling.minSites", $"must be 1 to {MaxSites}");
        }

        if (plan.Quorum < 1 || plan.Quorum > plan.Sampling.MinSites)
        {
            yield return ("quorum", $"must be 1 to the round's minimum of sites ({plan.Sampling.MinSites})");
        }

        foreach (var problem in TrainingProblems(plan.Training))
        {
            yield return problem;
        }

        foreach (var problem in StrategyProblems(plan))
        {
            yield return problem;
        }

        if (plan.Compression.TopK is < 1)
        {
            yield return ("compression.topK", "must be at least 1 weight, or left out to send every weight");
        }

        if (plan.Compression.TopK is not null && plan.SecureAggregation)
        {
            yield return ("compression.topK", "cannot be used with secure aggregation: the masks cover every weight, so a sparse update would not add up");
        }

        if (plan.Privacy is { } privacy)
        {
            foreach (var problem in PrivacyProblems(privacy))
            {
                yield return problem;
            }
        }

        if (plan.Evaluation is { } evaluation && (evaluation.Version < 1 || evaluation.Part is not ("train" or "validation" or "test")))
        {
            yield return ("evaluation", "must name a dataset version (1 or more) and its part: train, validation or test");
        }

        if (plan.RoundDeadlineSeconds is < 5 or > 7 * 24 * 3600)
        {
            yield return ("roundDeadlineSeconds", "must be 5 seconds to 7 days");
        }

        if (plan.MaxRoundAttempts is < 1 or > 10)
        {
            yield return ("maxRoundAttempts", "must be 1 to 10");
        }
    }

    private static IEnumerable<(string, string)> TrainingProblems(LocalTrainingPlan training)
    {
        if (training.Epochs is < 1 or > 100)
        {
            yield return ("training.epochs", "must be 1 to 100");
        }

        if (training.BatchSize is < 1 or > 10_000)
        {
            yield return ("training.batchSize", "must be 1 to 10,000 rows");
        }

        if (training.LearningRate is <= 0 or > 10 || double.IsNaN(training.LearningRate))
        {
            yield return ("training.learningRate", "must be above 0 and at most 10");
        }
    }

    private static IEnumerable<(string, string)> StrategyProblems(FederationPlan plan)
    {
        var strategy = plan.Strategy;
        if (strategy.NeedsEachUpdate && plan.SecureAggregation)
        {
            yield return ("strategy.kind", $"{strategy.Kind} needs each site's update, which secure aggregation hides: choose FedAvg, FedProx, FedAdam or FedYogi, or turn secure aggregation off");
        }

        if (strategy.ProximalMu is < 0 or > 100 || double.IsNaN(strategy.ProximalMu))
        {
            yield return ("strategy.proximalMu", "must be 0 to 100");
        }

        if (strategy.ServerLearningRate is <= 0 or > 10 || double.IsNaN(strategy.ServerLearningRate))
        {
            yield return ("strategy.serverLearningRate", "must be above 0 and at most 10");
        }

        if (strategy.TrimShare is < 0 or >= 0.5 || double.IsNaN(strategy.TrimShare))
        {
            yield return ("strategy.trimShare", "must be at least 0 and under 0.5");
        }

        if (strategy.Kind == FederatedStrategy.Krum && (strategy.Byzantine < 0 || plan.Quorum < (2 * strategy.Byzantine) + 3))
        {
            yield return ("strategy.byzantine", $"Krum tolerating {strategy.Byzantine} faulty sites needs a quorum of at least {(2 * Math.Max(0, strategy.Byzantine)) + 3}");
        }

        if (plan.SecureAggregation && plan.Quorum < MinSecureAggregationSites)
        {
            yield return ("quorum", $"must be at least {MinSecureAggregationSites} sites with secure aggregation");
        }
    }

    private static IEnumerable<(string, string)> PrivacyProblems(PrivacyPlan privacy)
    {
        if (privacy.ClipNorm is <= 0 or > 1000 || double.IsNaN(privacy.ClipNorm))
        {
            yield return ("privacy.clipNorm", "must be above 0 and at most 1000");
        }

        if (privacy.NoiseMultiplier is < 0 or > 100 || double.IsNaN(privacy.NoiseMultiplier))
        {
            yield return ("privacy.noiseMultiplier", "must be 0 to 100");
        }

        if (privacy.Delta is <= 0 or >= 1 || double.IsNaN(privacy.Delta))
        {
            yield return ("privacy.delta", "must be above 0 and under 1 (e.g. 1e-5)");
        }

        if (privacy.EpsilonBudget is { } budget && (budget <= 0 || double.IsNaN(budget)))
        {
            yield return ("privacy.epsilonBudget", "must be above 0, or left out for no budget");
        }
    }
}
