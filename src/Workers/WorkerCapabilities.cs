using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Workers;

/// <summary>What this worker runs on: cores, memory and, when nvidia-smi answers, the GPU's name, memory and CUDA version.</summary>
public sealed partial record WorkerCapabilities(string Name, int Cores, long MemoryBytes, string? GpuName, long? GpuMemoryBytes, string? CudaVersion)
{
    public bool HasGpu => GpuName is not null;

    /// <param name="nvidiaSmi">The nvidia-smi program (on PATH by default); a missing one means no NVIDIA GPU.</param>
    public static WorkerCapabilities Detect(string? name, string nvidiaSmi = "nvidia-smi")
    {
        var (gpu, memory, cuda) = QueryNvidiaSmi(nvidiaSmi);
        return new WorkerCapabilities(
            name ?? Environment.MachineName, Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, gpu, memory, cuda);
    }

    private static (string? Gpu, long? MemoryBytes, string? Cuda) QueryNvidiaSmi(string nvidiaSmi)
    {
        var list = Run(nvidiaSmi, "--query-gpu=name,memory.total --format=csv,noheader,nounits");
        if (list is null || list.Split('\n')[0].Split(',') is not [var gpu, var mib])
        {
            return (null, null, null);
        }

        var cuda = Run(nvidiaSmi, string.Empty) is { } banner && CudaVersionPattern().Match(banner) is { Success: true } m ? m.Groups[1].Value : null;
        return (gpu.Trim(), long.TryParse(mib.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v * 1024 * 1024 : null, cuda);
    }

    private static string? Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(5000) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no nvidia-smi: no NVIDIA GPU here
        }
    }

    [GeneratedRegex(@"CUDA Version:\s*([0-9.]+)")]
    private static partial Regex CudaVersionPattern();
}
