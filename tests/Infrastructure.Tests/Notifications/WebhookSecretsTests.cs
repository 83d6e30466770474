using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Notifications;

namespace Platform.Infrastructure.Tests.Notifications;

public sealed class WebhookSecretsTests
{
    private static readonly Guid Subscription = Guid.Parse("0194f1a2-0000-7000-8000-000000000001");

    [Fact]
    public void The_same_key_id_and_version_derive_the_same_secret_so_nothing_is_stored()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Equal(Secrets(key).SecretFor(Subscription, 1), Secrets(key).SecretFor(Subscription, 1));
    }

    [Fact]
    public void Another_version_subscription_or_signing_key_derives_another_secret()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secret = Secrets(key).SecretFor(Subscription, 1);

        Assert.NotEqual(secret, Secrets(key).SecretFor(Subscription, 2));
        Assert.NotEqual(secret, Secrets(key).SecretFor(Guid.NewGuid(), 1));
        Assert.NotEqual(secret, Secrets(RandomNumberGenerator.GetBytes(32)).SecretFor(Subscription, 1));
    }

    [Fact]
    public void A_secret_is_whsec_and_256_bits_in_base64url()
    {
        var secret = Secrets(RandomNumberGenerator.GetBytes(32)).SecretFor(Subscription, 1);

        Assert.StartsWith(WebhookSecrets.Prefix, secret);
        Assert.Equal(43, secret.Length - WebhookSecrets.Prefix.Length);
        Assert.DoesNotContain('=', secret);
    }

    [Fact]
    public void The_signature_is_sha256_hex_of_timestamp_dot_body()
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("whsec_test"u8, "1700000000.{\"a\":1}"u8));

        Assert.Equal(expected, WebhookSignature.Compute("whsec_test", 1700000000, "{\"a\":1}"));
    }

    private static WebhookSecrets Secrets(byte[] key) => new(new SigningKeyStore(
        Options.Create(new AuthOptions { SigningKey = Convert.ToBase64String(key) }),
        Options.Create(new PlatformOptions()), NullLogger<SigningKeyStore>.Instance));
}
