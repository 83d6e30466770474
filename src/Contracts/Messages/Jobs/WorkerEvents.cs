namespace Platform.Contracts.Messages.Jobs;

/// <summary>A worker is alive, what it can run, and on what (GPU fields from nvidia-smi when present).</summary>
public sealed record WorkerHeartbeat(
    string WorkerId, string Name, int Cores, long MemoryBytes, string? GpuName, long? GpuMemoryBytes, string? CudaVersion,
    IReadOnlyList<string> Kinds, IReadOnlyList<string> HardwareClasses, Guid? RunningJobId, DateTimeOffset At);

/// <summary>A worker stopped cleanly.</summary>
public sealed record WorkerStopped(string WorkerId, DateTimeOffset At);
