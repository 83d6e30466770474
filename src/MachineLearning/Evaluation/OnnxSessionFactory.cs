using Microsoft.ML.OnnxRuntime;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// Creates an ONNX Runtime session on the preferred execution provider. Asking for CUDA with the CPU
/// package throws <see cref="EntryPointNotFoundException"/> (and a missing driver or GPU throws
/// <see cref="OnnxRuntimeException"/>): then the session is created on the CPU and the reason kept.
/// </summary>
public static class OnnxSessionFactory
{
    public static (InferenceSession Session, ExecutionProviderReport Provider) Create(byte[] model, EvaluationOptions options)
    {
        var available = OrtEnv.Instance().GetAvailableProviders();
        var requested = options.ExecutionProvider == ExecutionProviderPreference.Cuda ? "CUDA" : "CPU";
        string? reason = null;
        if (options.ExecutionProvider == ExecutionProviderPreference.Cuda)
        {
            using var sessionOptions = NewOptions(options);
            try
            {
                sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                return (new InferenceSession(model, sessionOptions), new ExecutionProviderReport(requested, "CUDA", null, available));
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or OnnxRuntimeException or DllNotFoundException)
            {
                var loader = ex is OnnxRuntimeException ? CudaProviderDiagnosis.Explain() : null;
                reason = $"CUDA is not available ({ex.GetType().Name}: {ex.Message}{(loader is null ? "" : $"; {loader}")}); "
                    + $"this ONNX Runtime offers {string.Join(", ", available)}.";
            }
        }

        using var cpuOptions = NewOptions(options);
        return (new InferenceSession(model, cpuOptions), new ExecutionProviderReport(requested, "CPU", reason, available));
    }

    private static SessionOptions NewOptions(EvaluationOptions options)
    {
        var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (options.IntraOpThreads is { } threads)
        {
            sessionOptions.IntraOpNumThreads = threads;
        }

        return sessionOptions;
    }
}
