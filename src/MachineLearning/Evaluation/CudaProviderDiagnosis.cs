using System.Runtime.InteropServices;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// Why ONNX Runtime's CUDA provider library would not load. ONNX Runtime's exception says only "Failed to load shared
/// library" (the missing CUDA or cuDNN file goes to its native log); loading the provider library here gives the loader's
/// own message, e.g. "libcublasLt.so.13: cannot open shared object file".
/// </summary>
internal static class CudaProviderDiagnosis
{
    private static readonly string[] LibraryNames = ["libonnxruntime_providers_cuda.so", "onnxruntime_providers_cuda.dll"];

    /// <summary>The loader's message, "not in this build" when no CUDA provider library is beside the app, or null when it loads.</summary>
    public static string? Explain()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var folders = new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native") };
        var path = folders.SelectMany(f => LibraryNames.Select(n => Path.Combine(f, n))).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return "this build has no CUDA provider library (built with OnnxRuntimeFlavour=Cpu)";
        }

        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return null;
        }
        catch (DllNotFoundException e)
        {
            // .NET's message is advice, then the loader's own line last.
            return e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        }
    }
}
