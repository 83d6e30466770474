using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Jobs;

/// <summary>
/// Work for a worker: Queued -> Running -> Succeeded | Failed | Cancelled | TimedOut. A worker runs a job under a
/// lease that it renews; only the holder of the current lease may report on it, so a worker that lost its lease
/// (killed, partitioned) cannot finish a job that another worker has taken over.
/// </summary>
public sealed partial class Job : AggregateRoot, IWorkspaceOwned
{
    public const int MaxReasonLength = 4000;

    private Job()
    {
        ParametersJson = "{}";
        SubmittedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public JobKind Kind { get; private set; }
    public HardwareClass HardwareClass { get; private set; }
    public JobState State { get; private set; }
    public string ParametersJson { get; private set; }
    public Guid? RunId { get; private set; }
    public string SubmittedBy { get; private set; }
    public Guid? SubmittedByUserId { get; private set; }

    /// <summary>How many times a worker has taken the job; a lease that expires re-queues it until <see cref="MaxAttempts"/>.</summary>
    public int Attempts { get; private set; }

    public int MaxAttempts { get; private set; }
    public int TimeoutSeconds { get; private set; }

    /// <summary>Why the job ended as it did, in words a person can act on.</summary>
    public string? Reason { get; private set; }

    public string? WorkerId { get; private set; }
    public Guid? LeaseId { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public DateTimeOffset? CancelRequestedAt { get; private set; }
    public double Progress { get; private set; }
    public string? Phase { get; private set; }
    public string? ProgressMessage { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ProgressAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? ResultJson { get; private set; }
    public int Version { get; private set; }

    public static Job Submit(
        JobKind kind, HardwareClass hardware, string parametersJson, Guid? runId, string submittedBy, Guid? submittedByUserId,
        int timeoutSeconds, int maxAttempts, DateTimeOffset now) => new()
        {
            Id = Ids.New(),
            Kind = kind,
            HardwareClass = hardware,
            State = JobState.Queued,
            ParametersJson = parametersJson,
            RunId = runId,
            SubmittedBy = submittedBy,
            SubmittedByUserId = submittedByUserId,
            TimeoutSeconds = timeoutSeconds,
            MaxAttempts = maxAttempts,
            CreatedAt = now,
            DispatchedAt = now,
            Version = 1,
        };

    /// <summary>A worker asks to run the job. Refused unless it is queued and not cancelled.</summary>
    /// <returns>The new lease, or null with the reason the claim was refused.</returns>
    public (Guid? LeaseId, string? Refusal) Claim(string workerId, DateTimeOffset now, TimeSpan leaseDuration)
    {
        if (State == JobState.Running && WorkerId == workerId && LeaseId is { } held && CancelRequestedAt is null && LeaseExpiresAt > now)
        {
            // The same worker asking again, its first answer lost to a broker restart: the same lease and attempt,
            // renewed. The worker itself makes sure it does not run the job twice at once.
            LeaseExpiresAt = now + leaseDuration;
            Version++;
            Raise(new JobChanged(this));
            return (held, null);
        }

        if (State != JobState.Queued)
        {
            return (null, $"the job is {State}");
        }

        if (CancelRequestedAt is not null)
        {
            return (null, "the job's cancellation was asked for");
        }

        State = JobState.Running;
        WorkerId = workerId;
        LeaseId = Ids.New();
        LeaseExpiresAt = now + leaseDuration;
        Attempts++;
        StartedAt = now;
        Progress = 0;
        Phase = null;
        ProgressMessage = null;
        ProgressAt = null;
        Version++;
        Raise(new JobChanged(this));
        return (LeaseId, null);
    }

    public bool HoldsLease(Guid leaseId) => State == JobState.Running && LeaseId == leaseId;

    /// <summary>Logs and metrics of the attempt under this lease are kept, also when they arrive just after its end.</summary>
    public bool AcceptsReportsFrom(Guid leaseId) => LeaseId == leaseId;

    /// <returns>False when the lease is no longer current: the worker must stop.</returns>
    public bool RenewLease(Guid leaseId, DateTimeOffset now, TimeSpan leaseDuration)
    {
        if (!HoldsLease(leaseId))
        {
            return false;
        }

        LeaseExpiresAt = now + leaseDuration;
        return true;
    }

    /// <summary>Records the worker's latest progress; a report older than the one held is ignored.</summary>
    /// <param name="at">When the worker reported it (its clock), shown to watchers and used for ordering.</param>
    public void ReportProgress(Guid leaseId, double percent, string? phase, string? message, DateTimeOffset at)
    {
        if (!HoldsLease(leaseId) || at < ProgressAt)
        {
            return;
        }

        Progress = Math.Clamp(percent, 0, 100);
        Phase = phase;
        ProgressMessage = message;
        ProgressAt = at;
        Raise(new JobChanged(this));
    }
}
