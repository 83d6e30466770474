using Platform.Domain.Common;

namespace Platform.Domain.Notifications;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event on its way to one subscription, and the delivery log: attempts, the last answer or error, and when it is
/// tried next (exponential back-off) until it is delivered or gives up.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxErrorLength = 500;

    private WebhookDelivery()
    {
        EventType = string.Empty;
        PayloadJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; }
    public string PayloadJson { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public static WebhookDelivery For(WebhookSubscription subscription, PlatformEvent platformEvent, string payloadJson, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        SubscriptionId = subscription.Id,
        EventId = platformEvent.Id,
        EventType = platformEvent.Type,
        PayloadJson = payloadJson,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        (Status, LastAttemptAt, LastStatusCode, LastError, DeliveredAt) = (DeliveryStatus.Delivered, now, statusCode, null, now);
    }

    /// <summary>Records a failed attempt; tries again after <paramref name="firstRetry"/> × 2^(attempts-1) (at most an hour) or gives up.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset now, TimeSpan firstRetry, int maxAttempts)
    {
        Attempts++;
        (LastAttemptAt, LastStatusCode, LastError) = (now, statusCode, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            return;
        }

        var delay = firstRetry * Math.Pow(2, Math.Min(Attempts - 1, 20));
        NextAttemptAt = now + (delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay);
    }

    /// <summary>Sends a delivery that gave up again (e.g. after fixing the receiver).</summary>
    public void Redeliver(DateTimeOffset now) => (Status, NextAttemptAt) = (DeliveryStatus.Pending, now);
}
