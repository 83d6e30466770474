namespace Platform.Application.Notifications.Webhooks;

/// <summary>
/// A subscription's signing secret, derived from the platform's key, the subscription's id and its secret version:
/// the same inputs give the same secret, so it is never stored, and rotating (a new version) replaces it at once.
/// </summary>
public interface IWebhookSecrets
{
    string SecretFor(Guid subscriptionId, int secretVersion);
}
