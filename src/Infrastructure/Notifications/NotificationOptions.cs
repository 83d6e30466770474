namespace Platform.Infrastructure.Notifications;

/// <summary>Section <c>Notifications</c>: how often events are dispatched and how webhook deliveries are tried.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the dispatcher looks for new events and the sender for due deliveries.</summary>
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>The wait after a first failed attempt; it doubles with each further failure (at most an hour).</summary>
    public double FirstRetrySeconds { get; set; } = 5;

    /// <summary>Attempts before a delivery is marked Failed (an Admin may redeliver it).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a receiver has to answer one POST.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries posted at once.</summary>
    public int MaxParallelDeliveries { get; set; } = 4;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMilliseconds);

    public TimeSpan FirstRetry => TimeSpan.FromSeconds(FirstRetrySeconds);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
