using Platform.Workers;

namespace Platform.Host.Tests.Workers;

/// <summary>GPU detection through nvidia-smi, with a stand-in program that prints what nvidia-smi prints on an H100.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkerCapabilitiesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nvidia-smi-").FullName;

    [Fact]
    public void A_gpu_reported_by_nvidia_smi_is_advertised_with_its_memory_and_cuda_version()
    {
        var program = FakeNvidiaSmi("""
            if [ "$1" = "--query-gpu=name,memory.total" ]; then echo "NVIDIA H100 80GB HBM3, 81559"; exit 0; fi
            echo "| NVIDIA-SMI 550.54.15    Driver Version: 550.54.15    CUDA Version: 12.4     |"
            """);

        var capabilities = WorkerCapabilities.Detect("gpu-1", program);

        Assert.True(capabilities.HasGpu);
        Assert.Equal("NVIDIA H100 80GB HBM3", capabilities.GpuName);
        Assert.Equal(81559L * 1024 * 1024, capabilities.GpuMemoryBytes);
        Assert.Equal("12.4", capabilities.CudaVersion);
        Assert.Equal("gpu-1", capabilities.Name);
        Assert.True(capabilities.Cores >= 1 && capabilities.MemoryBytes > 0);
    }

    [Fact]
    public void No_nvidia_smi_or_a_failing_one_means_no_gpu()
    {
        Assert.False(WorkerCapabilities.Detect(null, Path.Combine(_folder, "absent")).HasGpu);
        var failing = FakeNvidiaSmi("echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'; exit 9");
        var capabilities = WorkerCapabilities.Detect(null, failing);
        Assert.False(capabilities.HasGpu);
        Assert.Null(capabilities.CudaVersion);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string FakeNvidiaSmi(string body)
    {
        var path = Path.Combine(_folder, "nvidia-smi-" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
