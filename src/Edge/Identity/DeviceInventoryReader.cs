using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Platform.Contracts.Fleet;

namespace Platform.Edge.Identity;

/// <summary>What this device says it is at enrolment and in reports: OS, architecture, cores, memory, ONNX Runtime and the agent.</summary>
internal static class DeviceInventoryReader
{
    public static string AgentVersion { get; } =
        typeof(DeviceInventoryReader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static DeviceInventory Read(ILogger logger)
    {
        string? onnxRuntime = null;
        IReadOnlyList<string>? providers = null;
        try
        {
            var environment = OrtEnv.Instance();
            onnxRuntime = environment.GetVersionString();
            providers = environment.GetAvailableProviders();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or OnnxRuntimeException)
        {
            // Enrolment goes on without it: the device can still say what it is, and serving will log why it cannot run.
            logger.LogWarning("ONNX Runtime could not be asked for its version: {Reason}", ex.Message);
        }

        return new DeviceInventory(
            Os: RuntimeInformation.OSDescription,
            Architecture: RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            CpuCores: Environment.ProcessorCount,
            MemoryBytes: GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            OnnxRuntimeVersion: onnxRuntime,
            ExecutionProviders: providers,
            AgentVersion: AgentVersion);
    }
}
