namespace Platform.MachineLearning.Evaluation;

/// <summary>The execution provider asked for, the one used, and why they differ (or <c>null</c>).</summary>
/// <param name="Requested">"CPU" or "CUDA".</param>
/// <param name="Used">"CPU" or "CUDA". With CUDA, ai.onnx.ml operators (trees, imputer, scaler) still run on the CPU provider.</param>
/// <param name="FallbackReason">Why CUDA was not used, when it was asked for.</param>
/// <param name="AvailableProviders">Providers this ONNX Runtime build offers.</param>
public sealed record ExecutionProviderReport(string Requested, string Used, string? FallbackReason, IReadOnlyList<string> AvailableProviders);
