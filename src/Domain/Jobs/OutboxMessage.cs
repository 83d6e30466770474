namespace Platform.Domain.Jobs;

/// <summary>
/// A bus message written in the same transaction as the state change that causes it, and sent by the outbox
/// dispatcher afterwards: a crash between the commit and the send loses nothing (see ADR-005).
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        MessageType = string.Empty;
        Body = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The contract's full type name.</summary>
    public string MessageType { get; private set; }

    public string Body { get; private set; }

    /// <summary>The queue to send to, or null to publish.</summary>
    public string? Destination { get; private set; }

    /// <summary>W3C trace context of the operation that wrote the message, so that the trace continues over the bus.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(string messageType, string body, string? destination, string? traceParent, DateTimeOffset now) => new()
    {
        MessageType = messageType,
        Body = body,
        Destination = destination,
        TraceParent = traceParent,
        CreatedAt = now,
    };

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}
