namespace Platform.Domain.Jobs;

public enum JobKind
{
    Train,
    Evaluate,
    Deploy,

    /// <summary>Sleeps and emits progress: for operators checking a worker, and for tests and benchmarks.</summary>
    Diagnostic,
}

public enum HardwareClass
{
    Cpu,
    Gpu,
}

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}

public static class JobStateExtensions
{
    public static bool IsFinal(this JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled or JobState.TimedOut;
}
