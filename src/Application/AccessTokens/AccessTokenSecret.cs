using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Application.AccessTokens;

/// <summary>
/// Personal access token secrets: <c>plat_</c> and 256 random bits in base64url. Only the SHA-256 of a secret is
/// stored; with that much entropy a fast hash is enough (no dictionary to attack).
/// </summary>
public static class AccessTokenSecret
{
    public const string Scheme = "plat_";
    public const int PrefixLength = 12;

    public static string Generate() => Scheme + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool LooksLikeSecret(string value) => value.StartsWith(Scheme, StringComparison.Ordinal) && value.Length > PrefixLength;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..PrefixLength];
}
