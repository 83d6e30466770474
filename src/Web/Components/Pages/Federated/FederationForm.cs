using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Federated;

/// <summary>
/// The new-federation form as typed, starting at the Api's defaults (softmax regression, 20 rounds, every available site with at
/// least 2 a round, one local epoch of batches of 32 at 0.1, FedAvg, float32, no privacy, no secure aggregation, a 5-minute
/// deadline, the quorum left to the Api: two thirds of the minimum). A strategy's parameter is sent for that strategy only, so
/// that the Api's default for the others stays theirs. The Api judges the plan; the form only reads it into one.
/// </summary>
public sealed class FederationForm
{
    public static readonly IReadOnlyList<string> ModelKinds = ["Softmax", "Mlp"];

    public static readonly IReadOnlyList<string> Admissions = ["Operator", "Labels"];

    public Guid? ExperimentId { get; set; }
    public string? Name { get; set; }
    public string? Dataset { get; set; }
    public string? LabelColumn { get; set; }
    public string? Selector { get; set; }
    public string Admission { get; set; } = "Operator";
    public string ModelKind { get; private set; } = "Softmax";
    public int? Hidden { get; set; }
    public int Rounds { get; set; } = 20;
    public double Fraction { get; set; } = 1;
    public int MinSites { get; set; } = 2;
    public int Epochs { get; set; } = 1;
    public int BatchSize { get; set; } = 32;
    public double LearningRate { get; set; } = 0.1;
    public string Strategy { get; private set; } = "FedAvg";
    public double? ProximalMu { get; set; }
    public double? ServerLearningRate { get; set; }
    public double? TrimShare { get; set; }
    public int? Byzantine { get; set; }
    public string Encoding { get; set; } = "Float32";
    public int? TopK { get; set; }
    public bool Private { get; set; }
    public double ClipNorm { get; set; } = 1;
    public double NoiseMultiplier { get; set; } = 1;
    public double Delta { get; set; } = 1e-5;
    public double? EpsilonBudget { get; set; }
    public bool SecureAggregation { get; set; }
    public int RoundDeadlineSeconds { get; set; } = 300;
    public int? Quorum { get; set; }

    /// <summary>An MLP starts at the Api's 32 hidden units; softmax regression has none.</summary>
    public void PickModel(string kind) => (ModelKind, Hidden) = (kind, kind == "Mlp" ? Hidden ?? 32 : null);

    /// <summary>The strategy, with its parameter at the Api's default for it.</summary>
    public void PickStrategy(string kind)
    {
        Strategy = kind;
        (ProximalMu, ServerLearningRate, TrimShare, Byzantine) = kind switch
        {
            "FedProx" => (ProximalMu ?? 0.01, null, null, null),
            "FedAdam" or "FedYogi" => (null, ServerLearningRate ?? 0.01, null, null),
            "TrimmedMean" => (null, null, TrimShare ?? 0.1, null),
            "Krum" => (null, null, null, Byzantine ?? 0),
            _ => ((double?)null, (double?)null, (double?)null, (int?)null),
        };
    }

    /// <summary>What must be there before the Api is asked at all; everything else is the Api's to judge.</summary>
    public IReadOnlyDictionary<string, string[]> Missing()
    {
        var missing = new Dictionary<string, string[]>();
        void Require(bool present, string field, string message)
        {
            if (!present)
            {
                missing[field] = [message];
            }
        }

        Require(ExperimentId is not null, "experimentId", "Pick the experiment it is a run of.");
        Require(!string.IsNullOrWhiteSpace(Name), "name", "Name the federation.");
        Require(!string.IsNullOrWhiteSpace(Dataset), "plan.dataset", "Name the local dataset each site trains on.");
        Require(!string.IsNullOrWhiteSpace(LabelColumn), "plan.labelColumn", "Name the column the model predicts.");
        return missing;
    }

    public FederationPlanInfo ToPlan() => new(
        new FederatedModelInfo(ModelKind, ModelKind == "Mlp" ? Hidden : null), Dataset!.Trim(), LabelColumn!.Trim(), Selector?.Trim() ?? "", Rounds,
        new SiteSamplingInfo(Fraction, MinSites), new LocalTrainingInfo(Epochs, BatchSize, LearningRate),
        new StrategyInfo(Strategy, ProximalMu, ServerLearningRate, TrimShare, Byzantine), new CompressionInfo(Encoding, TopK),
        Private ? new PrivacyInfo(ClipNorm, NoiseMultiplier, Delta, EpsilonBudget) : null, SecureAggregation, RoundDeadlineSeconds, Quorum,
        Admission: Admission);

    /// <summary>The Api's complaint about one field, whatever the case it wrote the field's name in.</summary>
    public static string? Complaint(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages ? string.Join(" ", messages) : null;

    /// <summary>Whether the form shows the Api's complaint about <paramref name="field"/> beside a field of its own (now, with the choices made).</summary>
    public bool Shows(string field) => Shown.Contains(field, StringComparer.OrdinalIgnoreCase)
        || (ModelKind == "Mlp" && string.Equals(field, "plan.model.hidden", StringComparison.OrdinalIgnoreCase))
        || (Private && field.StartsWith("plan.privacy.", StringComparison.OrdinalIgnoreCase))
        || string.Equals(field, StrategyParameter, StringComparison.OrdinalIgnoreCase);

    /// <summary>The field of the chosen strategy's parameter, as the Api names it; null for FedAvg and Median, which have none.</summary>
    public string? StrategyParameter => Strategy switch
    {
        "FedProx" => "plan.strategy.proximalMu",
        "FedAdam" or "FedYogi" => "plan.strategy.serverLearningRate",
        "TrimmedMean" => "plan.strategy.trimShare",
        "Krum" => "plan.strategy.byzantine",
        _ => null,
    };

    private static readonly string[] Shown =
    [
        "experimentId", "name", "plan.dataset", "plan.labelColumn", "plan.selector", "plan.admission", "plan.model.kind", "plan.rounds", "plan.sampling.fraction",
        "plan.sampling.minSites", "plan.training.epochs", "plan.training.batchSize", "plan.training.learningRate", "plan.strategy.kind", "plan.compression.encoding",
        "plan.compression.topK", "plan.secureAggregation", "plan.roundDeadlineSeconds", "plan.quorum",
    ];
}
