using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Notifications.Webhooks;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// <c>whsec_</c> and an HMAC-SHA256 of <c>webhook:{id}:{secretVersion}</c> under a key derived from the token signing
/// key, in base64url. Nothing is stored; every api replica sharing the signing key derives the same secret.
/// </summary>
public sealed class WebhookSecrets(SigningKeyStore keys) : IWebhookSecrets
{
    public const string Prefix = "whsec_";

    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(keys.Key.Key, "platform webhook secret v1"u8));

    public string SecretFor(Guid subscriptionId, int secretVersion) =>
        Prefix + Base64UrlEncoder.Encode(HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes($"webhook:{subscriptionId}:{secretVersion}")));
}
