using Platform.Domain.Jobs;

namespace Platform.Application.Jobs;

public sealed record JobDto(
    Guid Id, JobKind Kind, HardwareClass HardwareClass, JobState State, string ParametersJson, Guid? RunId, string SubmittedBy,
    int Attempts, int MaxAttempts, int TimeoutSeconds, string? Reason, string? WorkerId, double Progress, string? Phase,
    string? ProgressMessage, DateTimeOffset? ProgressAt, bool CancelRequested, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, string? ResultJson, string? WaitingFor)
{
    public static JobDto From(Job j) => new(
        j.Id, j.Kind, j.HardwareClass, j.State, j.ParametersJson, j.RunId, j.SubmittedBy, j.Attempts, j.MaxAttempts, j.TimeoutSeconds,
        j.Reason, j.WorkerId, j.Progress, j.Phase, j.ProgressMessage, j.ProgressAt, j.CancelRequestedAt is not null, j.CreatedAt, j.StartedAt,
        j.FinishedAt, j.ResultJson, j.WaitingFor);
}

public sealed record JobLogLineDto(int Sequence, DateTimeOffset At, string Text);

public sealed record WorkerDto(
    string Id, string Name, int Cores, long MemoryBytes, string? GpuName, long? GpuMemoryBytes, string? CudaVersion,
    IReadOnlyList<string> Kinds, IReadOnlyList<string> HardwareClasses, Guid? RunningJobId, DateTimeOffset LastSeenAt, bool Online);
