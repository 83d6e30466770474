using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// A job attempt's token: <c>pjt_{job}{lease}_{mac}</c>, the MAC an HMAC-SHA256 over the job and lease ids under a
/// key derived from the token signing key. Nothing is stored: the token is checked by recomputing its MAC, and is
/// honoured only while the job runs under that lease (see <see cref="JobTokenAuthenticationHandler"/>), so it expires
/// with the attempt. A worker asking again for the job it holds gets the same token. A claim ticket,
/// <c>pjc_{job}{attempt}_{mac}</c>, is made the same way under its own key, and is honoured only while that attempt is
/// the job's next (queued) or current one (see <see cref="JobTokenAuthenticationHandler"/>).
/// </summary>
public sealed class JobTokens(SigningKeyStore keys) : IJobTokenIssuer
{
    public const string Prefix = "pjt_";
    public const string TicketPrefix = "pjc_";
    private const int IdsLength = 64;
    private const int TicketIdsLength = 40;

    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(keys.Key.Key, "platform job token v1"u8));
    private readonly Lazy<byte[]> _ticketKey = new(() => HMACSHA256.HashData(keys.Key.Key, "platform job claim ticket v1"u8));

    public static bool LooksLikeToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool LooksLikeTicket(string token) => token.StartsWith(TicketPrefix, StringComparison.Ordinal);

    public string IssueClaimTicket(Guid jobId, int attempt) =>
        $"{TicketPrefix}{jobId:N}{attempt:x8}_{Base64UrlEncoder.Encode(TicketMac(jobId, attempt))}";

    /// <returns>The job and attempt the ticket was issued for, or null for anything that is not a ticket of ours.</returns>
    public (Guid JobId, int Attempt)? ReadClaimTicket(string ticket)
    {
        var body = ticket.AsSpan(TicketPrefix.Length);
        if (!LooksLikeTicket(ticket) || body.Length <= TicketIdsLength + 1 || body[TicketIdsLength] != '_'
            || !Guid.TryParseExact(body[..32], "N", out var jobId)
            || !int.TryParse(body[32..TicketIdsLength], System.Globalization.NumberStyles.AllowHexSpecifier, null, out var attempt)
            || attempt < 1)
        {
            return null;
        }

        var mac = DecodeMac(body[(TicketIdsLength + 1)..].ToString());
        return mac is not null && CryptographicOperations.FixedTimeEquals(mac, TicketMac(jobId, attempt)) ? (jobId, attempt) : null;
    }

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

        var mac = DecodeMac(body[(IdsLength + 1)..].ToString());
        return mac is not null && CryptographicOperations.FixedTimeEquals(mac, Mac(jobId, leaseId)) ? (jobId, leaseId) : null;
    }

    private static byte[]? DecodeMac(string encoded)
    {
        try
        {
            return Base64UrlEncoder.DecodeBytes(encoded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(Guid jobId, Guid leaseId) => HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes($"{jobId:N}:{leaseId:N}"));

    private byte[] TicketMac(Guid jobId, int attempt) => HMACSHA256.HashData(_ticketKey.Value, Encoding.ASCII.GetBytes($"{jobId:N}:{attempt}"));
}
