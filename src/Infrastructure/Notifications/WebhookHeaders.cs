namespace Platform.Infrastructure.Notifications;

/// <summary>The headers of every webhook POST.</summary>
public static class WebhookHeaders
{
    public const string Event = "X-Platform-Event";
    public const string Delivery = "X-Platform-Delivery";
    public const string Timestamp = "X-Platform-Timestamp";
    public const string Signature = "X-Platform-Signature";
}
