using System.Security.Cryptography;
using System.Text;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// The <c>X-Platform-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of
/// <c>{timestamp}.{body}</c>, keyed with the subscription's secret as UTF-8 text (prefix included).
/// </summary>
public static class WebhookSignature
{
    public const string Scheme = "sha256=";

    public static string Compute(string secret, long timestamp, string body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
