using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Common.Interfaces;
using Platform.Contracts.Fleet;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Fleet;

/// <summary>
/// A device's bearer token: <c>pdt_{device}{credential version}{expiry}_{mac}</c>, the MAC an HMAC-SHA256 over the
/// three under a key derived from the token signing key. Nothing is stored: it is checked by recomputing its MAC, then
/// honoured only while it has not expired and the device still may call with that credential version
/// (<see cref="DeviceTokenAuthenticationHandler"/>), so a suspended, revoked or rotated device is refused at once.
/// Cheaper to check than a JWT, on the path every poll takes.
/// </summary>
public sealed class DeviceTokens(SigningKeyStore keys, TimeProvider clock) : IDeviceTokenIssuer
{
    public const string Prefix = "pdt_";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int BodyLength = 32 + 8 + 10;

    private readonly Lazy<byte[]> _key = new(() => HMACSHA256.HashData(keys.Key.Key, "platform device token v1"u8));

    public static bool LooksLikeToken(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public DeviceTokenResponse Issue(Guid deviceId, int credentialVersion)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var body = $"{deviceId:N}{credentialVersion:x8}{expires:x10}";
        return new DeviceTokenResponse($"{Prefix}{body}_{Base64UrlEncoder.Encode(Mac(body))}", "Bearer", (int)Lifetime.TotalSeconds);
    }

    /// <returns>The device and credential version the token was issued for while it has not expired; null for anything else.</returns>
    public (Guid DeviceId, int CredentialVersion)? Read(string token)
    {
        var rest = token.AsSpan(Prefix.Length);
        if (!LooksLikeToken(token) || rest.Length <= BodyLength + 1 || rest[BodyLength] != '_'
            || !Guid.TryParseExact(rest[..32], "N", out var deviceId)
            || !int.TryParse(rest[32..40], NumberStyles.AllowHexSpecifier, null, out var version)
            || !long.TryParse(rest[40..BodyLength], NumberStyles.AllowHexSpecifier, null, out var expires)
            || expires <= clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        byte[] mac;
        try
        {
            mac = Base64UrlEncoder.DecodeBytes(rest[(BodyLength + 1)..].ToString());
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(mac, Mac(rest[..BodyLength].ToString())) ? (deviceId, version) : null;
    }

    private byte[] Mac(string body) => HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes(body));
}
