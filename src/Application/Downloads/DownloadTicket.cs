using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Application.Downloads;

/// <summary>
/// What a download link stands for: the target in its workspace, the user it was made for (with the roles they held
/// there), and when it expires. The token is <c>pdl_{payload}.{mac}</c>, both base64url, the MAC an HMAC-SHA256 over the payload; any
/// change to target, user or expiry breaks it.
/// </summary>
public sealed record DownloadTicket(DownloadTarget Target, Guid? UserId, string UserName, Role Roles, DateTimeOffset ExpiresAt)
{
    public const string Prefix = "pdl_";

    /// <summary>The workspace of the target; a link made before workspaces names none: 'default'.</summary>
    public string? Workspace { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Encode(IDownloadLinkSigner signer)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        return $"{Prefix}{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signer.Sign(payload))}";
    }

    /// <returns>The ticket, or null for anything that is not a link of ours with an intact MAC (expiry is the caller's to check).</returns>
    public static DownloadTicket? Decode(string token, IDownloadLinkSigner signer)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || dot < 0 || token.Length > 8_000)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length, dot - Prefix.Length));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(mac, signer.Sign(payload))
                ? JsonSerializer.Deserialize<DownloadTicket>(payload, Json)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
