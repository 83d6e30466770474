using System.Reflection;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Onnx.Proto;

namespace Platform.MachineLearning.Evaluation;

/// <summary>What <see cref="OnnxRuntimeCheck.Run"/> found: the build's flavour, the provider report and whether a model ran right.</summary>
/// <param name="Flavour">"Cpu" or "Gpu": the OnnxRuntimeFlavour this assembly was built with.</param>
/// <param name="Provider">The provider asked for, the one used and why they differ.</param>
/// <param name="Output">What the check model (y = x + 1) gave for x = [1, 2, 3].</param>
public sealed record OnnxRuntimeCheckResult(string Flavour, ExecutionProviderReport Provider, IReadOnlyList<float> Output)
{
    /// <summary>True when the model ran and gave [2, 3, 4].</summary>
    public bool Ran => Output.SequenceEqual([2f, 3f, 4f]);
}

/// <summary>
/// Loads ONNX Runtime as built (its native library, its providers) and runs a one-node model on the preferred provider:
/// the smoke test of a worker or serving image (<c>--check-onnxruntime</c>), on a GPU node or, falling back, on the CPU.
/// </summary>
public static class OnnxRuntimeCheck
{
    /// <summary>The OnnxRuntimeFlavour this assembly was built with.</summary>
    public static string Flavour { get; } = typeof(OnnxRuntimeCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "OnnxRuntimeFlavour")?.Value ?? "unknown";

    /// <summary>The command-line argument of the worker and serving processes that runs the check instead of the process.</summary>
    public const string CommandArgument = "--check-onnxruntime";

    /// <summary>
    /// The command: asks for CUDA, writes the result as one JSON line and returns the exit code, 0 when the model ran
    /// (on CUDA, or on the CPU with the fallback reason in the line), 1 when it gave a wrong answer.
    /// </summary>
    public static int RunCommand(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = Run(new EvaluationOptions { ExecutionProvider = ExecutionProviderPreference.Cuda });
        output.WriteLine(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
        return result.Ran ? 0 : 1;
    }

    public static OnnxRuntimeCheckResult Run(EvaluationOptions options)
    {
        var (session, provider) = OnnxSessionFactory.Create(Model(), options);
        using (session)
        {
            float[] x = [1f, 2f, 3f];
            using var input = OrtValue.CreateTensorValueFromMemory(x, [1, 3]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["x"], [input], ["y"]);
            return new OnnxRuntimeCheckResult(Flavour, provider, outputs[0].GetTensorDataAsSpan<float>().ToArray());
        }
    }

    private static byte[] Model()
    {
        var graph = new OnnxGraphBuilder();
        var one = graph.Constant("one", [1], [1f]);
        graph.Add("Add", ["x", one], output: "y");
        var model = new OnnxModel(
            OnnxNames.IrVersion, "platform-onnxruntime-check", "1", "y = x + 1",
            new Dictionary<string, long> { [""] = OnnxNames.DefaultOpset },
            graph.Build("check", [new OnnxValueInfo("x", OnnxDataType.Float, [1, 3])], [new OnnxValueInfo("y", OnnxDataType.Float, [1, 3])]),
            new Dictionary<string, string>());
        return OnnxProtoWriter.Serialize(model);
    }
}
