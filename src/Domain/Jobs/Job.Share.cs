using System.Linq.Expressions;

namespace Platform.Domain.Jobs;

/// <summary>
/// A workspace runs at most its quota of jobs at once (queued with workers, or running): what it submits past that
/// waits here, queued but not yet sent to the workers, with the reason in <see cref="WaitingFor"/>, and is sent in
/// the order submitted as the workspace's jobs end. So one workspace's thousand jobs never stand in the workers'
/// queue in front of another workspace's one.
/// </summary>
public sealed partial class Job
{
    /// <summary>Why a queued job has not been sent to the workers yet; null once it has (or was never held).</summary>
    public string? WaitingFor { get; private set; }

    /// <summary>The quota's rule, as a query can run it: a job counts while sent to the workers, or running.</summary>
    public static readonly Expression<Func<Job, bool>> HoldsAShare =
        j => j.State == JobState.Running || (j.State == JobState.Queued && j.WaitingFor == null);

    private static readonly Func<Job, bool> HoldsAShareNow = HoldsAShare.Compile();

    /// <summary>True while the job counts against its workspace's quota (<see cref="HoldsAShare"/>).</summary>
    public bool TakesAShare => HoldsAShareNow(this);

    /// <summary>Keeps a queued job back from the workers, saying why.</summary>
    public void Hold(string reason)
    {
        if (State != JobState.Queued)
        {
            throw new InvalidOperationException($"Only a queued job waits for its workspace's share; this one is {State}.");
        }

        WaitingFor = reason;
        Version++;
    }

    /// <summary>A held job's turn has come: it is sent to the workers now.</summary>
    public void Release(DateTimeOffset now)
    {
        if (State != JobState.Queued || WaitingFor is null)
        {
            throw new InvalidOperationException("Only a held, queued job is released.");
        }

        (WaitingFor, DispatchedAt, Redispatches) = (null, now, 0);
        Version++;
        Raise(new JobChanged(this));
    }
}
