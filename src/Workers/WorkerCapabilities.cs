namespace Platform.Workers;

/// <summary>What this worker can run on: CPU cores and memory (GPU detection joins with the jobs issue).</summary>
public sealed record WorkerCapabilities(string Name, int Cores, long MemoryBytes)
{
    public static WorkerCapabilities Detect() =>
        new(Environment.MachineName, Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
}
