using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// A job attempt's token: <c>pjt_{job}{lease}_{mac}</c>, the MAC an HMAC-SHA256 over the job and lease ids under a
/// key derived from the token signing key. Nothing is stored: the token is checked by recomputing its MAC, and is
/// honoured only while the job runs under that lease (see <see cref="JobTokenAuthenticationHandler"/>), so it expires
/// with the attempt. A worker asking again for the job it holds gets the same token.
/// </summary>
public sealed class JobTokens(SigningKeyStore keys) : IJobTokenIssuer
{
    public const string Prefix = "pjt_";
    private const int IdsLength = 64;

    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(keys.Key.Key, "platform job token v1"u8));

    public static bool LooksLikeToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public string Issue(Guid jobId, Guid leaseId) => $"{Prefix}{jobId:N}{leaseId:N}_{Base64UrlEncoder.Encode(Mac(jobId, leaseId))}";

    /// <returns>The job and lease the token was issued for, or null for anything that is not a token of ours.</returns>
    public (Guid JobId, Guid LeaseId)? Read(string token)
    {
        var body = token.AsSpan(Prefix.Length);
        if (!LooksLikeToken(token) || body.Length <= IdsLength + 1 || body[IdsLength] != '_'
            || !Guid.TryParseExact(body[..32], "N", out var jobId) || !Guid.TryParseExact(body[32..IdsLength], "N", out var leaseId))
        {
            return null;
        }

        byte[] mac;
        try
        {
            mac = Base64UrlEncoder.DecodeBytes(body[(IdsLength + 1)..].ToString());
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(mac, Mac(jobId, leaseId)) ? (jobId, leaseId) : null;
    }

    private byte[] Mac(Guid jobId, Guid leaseId) => HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes($"{jobId:N}:{leaseId:N}"));
}
