namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>The hyper-parameters each built-in trainer accepts, with ranges and defaults.</summary>
public static class HyperparameterCatalog
{
    public const string NumberOfIterations = "numberOfIterations";
    public const string LearningRate = "learningRate";
    public const string NumberOfLeaves = "numberOfLeaves";
    public const string MinimumExampleCountPerLeaf = "minimumExampleCountPerLeaf";
    public const string FeatureFraction = "featureFraction";
    public const string MaximumBinCountPerFeature = "maximumBinCountPerFeature";
    public const string L1Regularization = "l1Regularization";
    public const string L2Regularization = "l2Regularization";
    public const string EarlyStoppingRounds = "earlyStoppingRounds";
    public const string NumberOfThreads = "numberOfThreads";
    public const string MaximumNumberOfIterations = "maximumNumberOfIterations";
    public const string OptimizationTolerance = "optimizationTolerance";

    private const double Unbounded = double.PositiveInfinity;

    private static readonly HyperparameterDefinition Threads = new(
        NumberOfThreads, HyperparameterKind.Integer, 1, 256, "1", "Training threads; 1 keeps results bit-for-bit reproducible.");

    private static readonly HyperparameterDefinition[] LightGbm =
    [
        new(NumberOfIterations, HyperparameterKind.Integer, 1, 10000, "100", "Boosting rounds (trees per class)."),
        new(LearningRate, HyperparameterKind.Real, 0, 1, "0.1", "Shrinkage applied to each tree.", MinimumExclusive: true),
        new(NumberOfLeaves, HyperparameterKind.Integer, 2, 131072, "31", "Maximum leaves per tree."),
        new(MinimumExampleCountPerLeaf, HyperparameterKind.Integer, 1, 1_000_000, "20", "Minimum rows in a leaf."),
        new(FeatureFraction, HyperparameterKind.Real, 0, 1, "1", "Fraction of features sampled per tree.", MinimumExclusive: true),
        new(MaximumBinCountPerFeature, HyperparameterKind.Integer, 2, 65535, "255", "Histogram bins per feature."),
        new(L1Regularization, HyperparameterKind.Real, 0, Unbounded, "0", "L1 penalty on leaf values."),
        new(L2Regularization, HyperparameterKind.Real, 0, Unbounded, "0.01", "L2 penalty on leaf values."),
        new(EarlyStoppingRounds, HyperparameterKind.Integer, 0, 10000, "10", "Stop when the validation metric has not improved for this many rounds; 0 turns it off."),
        Threads,
    ];

    private static readonly HyperparameterDefinition[] FastTree =
    [
        new(NumberOfIterations, HyperparameterKind.Integer, 1, 10000, "100", "Number of trees (per class for multiclass)."),
        new(LearningRate, HyperparameterKind.Real, 0, 1, "0.2", "Shrinkage applied to each tree.", MinimumExclusive: true),
        new(NumberOfLeaves, HyperparameterKind.Integer, 2, 131072, "20", "Maximum leaves per tree."),
        new(MinimumExampleCountPerLeaf, HyperparameterKind.Integer, 1, 1_000_000, "10", "Minimum rows in a leaf."),
        new(FeatureFraction, HyperparameterKind.Real, 0, 1, "1", "Fraction of features sampled per tree.", MinimumExclusive: true),
        new(MaximumBinCountPerFeature, HyperparameterKind.Integer, 2, 65535, "255", "Histogram bins per feature."),
        new(EarlyStoppingRounds, HyperparameterKind.Integer, 0, 10000, "10", "Stop when the validation loss has worsened this many trees in a row; 0 turns it off. Not available for multiclass."),
        Threads,
    ];

    private static readonly HyperparameterDefinition[] Linear =
    [
        new(L1Regularization, HyperparameterKind.Real, 0, Unbounded, null, "L1 penalty on weights (default: ML.NET's)."),
        new(L2Regularization, HyperparameterKind.Real, 0, Unbounded, null, "L2 penalty on weights (default: ML.NET's)."),
        new(MaximumNumberOfIterations, HyperparameterKind.Integer, 1, 1_000_000, null, "Optimiser iterations (L-BFGS) or passes over the data (SDCA)."),
        new(OptimizationTolerance, HyperparameterKind.Real, 0, 1, null, "Convergence tolerance of the optimiser.", MinimumExclusive: true),
        Threads,
    ];

    /// <summary>The definitions for one trainer.</summary>
    public static IReadOnlyList<HyperparameterDefinition> For(TrainerKind trainer) => trainer switch
    {
        TrainerKind.LightGbm => LightGbm,
        TrainerKind.FastTree => FastTree,
        TrainerKind.Linear => Linear,
        _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Unknown trainer."),
    };
}
