using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Notifications;

/// <summary>
/// An outgoing webhook: where to POST which events. Its signing secret is derived from the platform's key, the id and
/// <see cref="SecretVersion"/> (shown once at creation or rotation, never stored).
/// </summary>
public sealed class WebhookSubscription : IWorkspaceOwned
{
    public const int MaxUrlLength = 2000;
    public const int MaxNameLength = 100;

    private WebhookSubscription()
    {
        Name = string.Empty;
        Url = string.Empty;
        EventTypes = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public string Url { get; private set; }

    /// <summary>Space-separated event types; empty for every event.</summary>
    public string EventTypes { get; private set; }

    public bool Active { get; private set; }
    public int SecretVersion { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookSubscription Create(string name, Uri url, IReadOnlyCollection<string> eventTypes, string by, DateTimeOffset now)
    {
        var subscription = new WebhookSubscription { Id = Ids.New(), Name = name, CreatedBy = by, CreatedAt = now, Active = true, SecretVersion = 1 };
        subscription.Change(url, eventTypes, true);
        return subscription;
    }

    public void Change(Uri url, IReadOnlyCollection<string> eventTypes, bool active)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.OriginalString.Length > MaxUrlLength)
        {
            throw new DomainException("webhook.url", "A webhook URL is an absolute http or https URL.");
        }

        if (eventTypes.FirstOrDefault(t => !Notifications.EventTypes.All.Contains(t)) is { } unknown)
        {
            throw new DomainException("webhook.event", $"Unknown event type '{unknown}'.");
        }

        (Url, EventTypes, Active) = (url.OriginalString, string.Join(' ', eventTypes.Distinct().Order(StringComparer.Ordinal)), active);
    }

    public bool Wants(string eventType) => Active && (EventTypes.Length == 0 || EventTypes.Split(' ').Contains(eventType));

    /// <summary>A new secret replaces the old one at once.</summary>
    public void RotateSecret() => SecretVersion++;
}
