namespace Platform.Domain.Jobs;

/// <summary>
/// A queued job's message can be lost: a broker that goes down between taking a message and storing it loses it
/// (publishes are not confirmed by the broker; see the README's jobs section). A job nobody claims for a while is
/// therefore sent again, after <c>first</c>, then twice, four times … up to 32 times as long. A second copy is
/// harmless: only one claim per attempt succeeds, and the rest are refused.
/// </summary>
public sealed partial class Job
{
    /// <summary>When the job's message was last sent to its queue: submitted, re-queued or sent again.</summary>
    public DateTimeOffset DispatchedAt { get; private set; }

    /// <summary>How many times the message was sent again while the job waited unclaimed in this attempt.</summary>
    public int Redispatches { get; private set; }

    /// <returns>Whether the job's message must be sent again now.</returns>
    public bool RedispatchIfUnclaimed(DateTimeOffset now, TimeSpan first)
    {
        var wait = first * (1 << Math.Min(Redispatches, 5));
        if (State != JobState.Queued || now - DispatchedAt < wait)
        {
            return false;
        }

        DispatchedAt = now;
        Redispatches++;
        Version++;
        Raise(new JobChanged(this));
        return true;
    }
}
