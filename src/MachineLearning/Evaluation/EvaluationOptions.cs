namespace Platform.MachineLearning.Evaluation;

/// <summary>How a model is run for evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Rows per ONNX Runtime call.</summary>
    public int BatchSize { get; init; } = 256;

    public ExecutionProviderPreference ExecutionProvider { get; init; } = ExecutionProviderPreference.Cpu;

    public int CudaDeviceId { get; init; }

    /// <summary>Rows run one at a time to measure per-row latency (0 skips it).</summary>
    public int LatencySampleRows { get; init; } = 200;

    /// <summary>ONNX Runtime intra-op threads; <c>null</c> lets it choose.</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>The label column in the dataset; default: the one named in the model's metadata.</summary>
    public string? LabelColumn { get; init; }
}
