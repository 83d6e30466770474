namespace Platform.Domain.Jobs;

/// <summary>A worker process as last seen through its heartbeat: what it can run and on what hardware.</summary>
public sealed class Worker
{
    private Worker()
    {
        Id = string.Empty;
        Name = string.Empty;
        Kinds = string.Empty;
        HardwareClasses = string.Empty;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public int Cores { get; private set; }
    public long MemoryBytes { get; private set; }
    public string? GpuName { get; private set; }
    public long? GpuMemoryBytes { get; private set; }
    public string? CudaVersion { get; private set; }

    /// <summary>Comma-separated job kinds and hardware classes the worker consumes.</summary>
    public string Kinds { get; private set; }

    public string HardwareClasses { get; private set; }
    public Guid? RunningJobId { get; private set; }
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public bool Stopped { get; private set; }

    public static Worker Register(string id, DateTimeOffset now) => new() { Id = id, FirstSeenAt = now, LastSeenAt = now };

    public void Heartbeat(
        string name, int cores, long memoryBytes, string? gpuName, long? gpuMemoryBytes, string? cudaVersion,
        string kinds, string hardwareClasses, Guid? runningJobId, DateTimeOffset now)
    {
        Name = name;
        Cores = cores;
        MemoryBytes = memoryBytes;
        GpuName = gpuName;
        GpuMemoryBytes = gpuMemoryBytes;
        CudaVersion = cudaVersion;
        Kinds = kinds;
        HardwareClasses = hardwareClasses;
        RunningJobId = runningJobId;
        LastSeenAt = now;
        Stopped = false;
    }

    public void Stop(DateTimeOffset now)
    {
        Stopped = true;
        RunningJobId = null;
        LastSeenAt = now;
    }
}
