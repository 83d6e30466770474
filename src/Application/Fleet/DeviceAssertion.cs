using System.Text.Json;
using Platform.Contracts.Fleet;

namespace Platform.Application.Fleet;

/// <summary>
/// Checks a device's proof of its key (docs/decisions/ADR-008): an ES256 JWS by that key whose <c>iss</c> and <c>sub</c>
/// are the device, <c>aud</c> the path it is sent to, alive now and for at most five minutes, with a <c>jti</c> never used before.
/// Every failure is the same 401 to the caller; the reason is in the message for the device's own log.
/// </summary>
public static class DeviceAssertion
{
    /// <param name="boundThumbprint">When given, the assertion's <c>jkt</c> claim must name it (the key it vouches for).</param>
    public static void Check(
        string? assertion, DeviceJwk publicKey, Guid deviceId, string audience, DateTimeOffset now, IAssertionReplayGuard replay, string? boundThumbprint = null)
    {
        using var key = Es256.Import(publicKey) ?? throw new UnauthenticatedException("The device has no usable key.");
        if (Es256.Verify(assertion, key) is not { } claims)
        {
            throw new UnauthenticatedException("The assertion is not an ES256 JWS signed by the device's key.");
        }

        var id = deviceId.ToString();
        if (Text(claims, "iss") != id || Text(claims, "sub") != id || Text(claims, "aud") != audience)
        {
            throw new UnauthenticatedException($"The assertion's iss and sub must be the device id, and its aud '{audience}'.");
        }

        if (boundThumbprint is not null && Text(claims, "jkt") != boundThumbprint)
        {
            throw new UnauthenticatedException("The current key's assertion must name the new key's thumbprint (RFC 7638) in its jkt claim.");
        }

        var skew = FleetApi.MaxAssertionLifetime;
        if (Seconds(claims, "iat") is not { } iat || Seconds(claims, "exp") is not { } exp || exp <= iat || exp - iat > skew)
        {
            throw new UnauthenticatedException("The assertion needs iat and exp (seconds), exp after iat by at most 5 minutes.");
        }

        if (exp <= now || iat > now + skew)
        {
            throw new UnauthenticatedException($"The assertion is not valid now: the platform's time is {now:O} (see the Date header); check the device's clock.");
        }

        if (Text(claims, "jti") is not { Length: > 0 and <= 200 } jti || !replay.FirstUse(deviceId, jti, exp))
        {
            throw new UnauthenticatedException("The assertion needs a jti not used before: make a new assertion for each token request.");
        }
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Seconds(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
