namespace Platform.Domain.Jobs;

public sealed partial class Job
{
    /// <summary>The lease holder reports the end of the job. Reports from a stale lease are ignored.</summary>
    /// <returns>Whether the report was accepted.</returns>
    public bool Complete(Guid leaseId, JobState outcome, string? reason, string? resultJson, DateTimeOffset now)
    {
        if (!HoldsLease(leaseId) || !outcome.IsFinal())
        {
            return false;
        }

        // A job whose cancellation was asked for ends Cancelled even if the worker raced to another outcome.
        End(CancelRequestedAt is not null && outcome != JobState.Succeeded ? JobState.Cancelled : outcome, reason, now);
        ResultJson = outcome == JobState.Succeeded ? resultJson : null;
        if (outcome == JobState.Succeeded)
        {
            Progress = 100;
            Phase = "done";
            ProgressMessage = null;
        }

        return true;
    }

    /// <summary>Asks for cancellation: a queued job ends at once; a running one when its worker confirms.</summary>
    /// <returns>Whether a worker must be told.</returns>
    public bool RequestCancel(string by, DateTimeOffset now)
    {
        if (State.IsFinal())
        {
            throw new Common.DomainException("job.already-ended", $"The job already ended as {State}.");
        }

        CancelRequestedAt ??= now;
        Version++;
        if (State == JobState.Queued)
        {
            End(JobState.Cancelled, $"Cancelled by {by} before a worker took it.", now);
            return false;
        }

        Raise(new JobChanged(this));
        return true;
    }

    /// <summary>The lease ran out (worker killed, machine lost): back to the queue, or failed after the last attempt.</summary>
    /// <returns>Whether the job was re-queued (and must be sent again).</returns>
    public bool ExpireLease(DateTimeOffset now)
    {
        if (State != JobState.Running || LeaseExpiresAt > now)
        {
            return false;
        }

        if (CancelRequestedAt is not null)
        {
            End(JobState.Cancelled, $"Cancelled; worker {WorkerId} stopped answering before confirming.", now);
            return false;
        }

        if (Attempts >= MaxAttempts)
        {
            End(JobState.Failed, $"Worker {WorkerId} stopped answering (lease expired) on attempt {Attempts} of {MaxAttempts}; no attempts left.", now);
            return false;
        }

        Requeue($"Worker {WorkerId} stopped answering; re-queued for attempt {Attempts + 1} of {MaxAttempts}.", now);
        return true;
    }

    /// <summary>A worker shutting down hands the job back without using up an attempt.</summary>
    public bool Release(Guid leaseId, string reason, DateTimeOffset now)
    {
        if (!HoldsLease(leaseId))
        {
            return false;
        }

        if (CancelRequestedAt is not null)
        {
            End(JobState.Cancelled, "Cancelled; its worker shut down before confirming.", now);
            return true;
        }

        Attempts--;
        Requeue(reason, now);
        return true;
    }

    /// <summary>Runs out of time while running: the worker did not finish within the job's timeout.</summary>
    public bool TimeOutIfOverdue(DateTimeOffset now, TimeSpan grace)
    {
        if (State != JobState.Running || StartedAt is null || now - StartedAt.Value <= TimeSpan.FromSeconds(TimeoutSeconds) + grace)
        {
            return false;
        }

        End(JobState.TimedOut, $"Did not finish within its timeout of {TimeoutSeconds} s.", now);
        return true;
    }

    /// <summary>Fails a job whose message could not be processed (poison message, retries exhausted).</summary>
    public bool FailUndeliverable(string reason, DateTimeOffset now)
    {
        if (State.IsFinal())
        {
            return false;
        }

        End(JobState.Failed, reason, now);
        return true;
    }

    /// <summary>Puts a failed, cancelled or timed-out job back in the queue with a fresh set of attempts.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State is not (JobState.Failed or JobState.Cancelled or JobState.TimedOut))
        {
            throw new Common.DomainException("job.not-retryable", $"Only a failed, cancelled or timed-out job can be retried; this one is {State}.");
        }

        var endedAt = FinishedAt;
        Attempts = 0;
        CancelRequestedAt = null;
        FinishedAt = null;
        ResultJson = null;
        CreatedAt = now;
        Requeue(null, now);
        Raise(new JobRetried(this, endedAt));
    }

    private void Requeue(string? reason, DateTimeOffset now)
    {
        State = JobState.Queued;
        DispatchedAt = now;
        Redispatches = 0;
        Reason = reason;
        WorkerId = null;
        LeaseId = null;
        LeaseExpiresAt = null;
        StartedAt = null;
        Progress = 0;
        Version++;
        Raise(new JobChanged(this));
    }

    private void End(JobState state, string? reason, DateTimeOffset now)
    {
        State = state;
        Reason = reason is { Length: > MaxReasonLength } ? reason[..MaxReasonLength] : reason;
        FinishedAt = now;
        LeaseExpiresAt = null;
        WaitingFor = null;
        Version++;
        Raise(new JobEnded(this, now));
        Raise(new JobChanged(this));
    }
}
