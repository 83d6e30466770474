using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>
/// Enrolment tokens' secrets: <c>pet_</c> and 32 random bytes, shown once and stored as their SHA-256 with their first
/// characters to recognise them by; made one at a time or in batches, checked at enrolment by the same hash.
/// </summary>
public static class EnrolmentSecrets
{
    public const string Prefix = "pet_";
    public const int DefaultHours = 24;
    public const int MaxHours = 720;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new token's secret and the token stored for it.</summary>
    public static (EnrolmentToken Token, string Secret) New(
        string name, IReadOnlyDictionary<string, string>? labels, int? expiresInHours, string createdBy, DateTimeOffset now)
    {
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = EnrolmentToken.Create(
            name, Hash(secret), secret[..12], labels ?? new Dictionary<string, string>(), now.AddHours(expiresInHours ?? DefaultHours), createdBy, now);
        return (token, secret);
    }
}
