using Platform.MachineLearning.Evaluation;

namespace Platform.MachineLearning.Tests.Evaluation;

/// <summary>The --check-onnxruntime smoke test as the CPU flavour (tests' default) runs it; scripts/test.sh runs the GPU flavour's.</summary>
public sealed class OnnxRuntimeCheckTests
{
    [Fact]
    public void The_tests_are_built_with_the_cpu_flavour()
    {
        Assert.Equal("Cpu", OnnxRuntimeCheck.Flavour);
    }

    [Fact]
    public void The_check_asks_for_cuda_runs_its_model_on_the_cpu_and_exits_0_with_the_reason_on_one_json_line()
    {
        using var output = new StringWriter();

        var exit = OnnxRuntimeCheck.RunCommand(output);

        var line = output.ToString().Trim();
        Assert.True(exit == 0, $"exit {exit}: {line}");
        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"flavour\":\"Cpu\"", line, StringComparison.Ordinal);
        Assert.Contains("\"requested\":\"CUDA\",\"used\":\"CPU\"", line, StringComparison.Ordinal);
        Assert.Contains(nameof(EntryPointNotFoundException), line, StringComparison.Ordinal);
        Assert.Contains("\"output\":[2,3,4]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_without_the_cuda_provider_library_says_so()
    {
        Assert.Contains("OnnxRuntimeFlavour=Cpu", CudaProviderDiagnosis.Explain(), StringComparison.Ordinal);
    }
}
