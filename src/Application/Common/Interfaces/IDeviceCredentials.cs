using Platform.Contracts.Fleet;

namespace Platform.Application.Common.Interfaces;

/// <summary>Issues the short-lived bearer token a device gets for a proof of its key (docs/decisions/ADR-008); nothing about it is stored.</summary>
public interface IDeviceTokenIssuer
{
    DeviceTokenResponse Issue(Guid deviceId, int credentialVersion);
}

/// <summary>
/// What the device token's check remembers about each device for a few seconds; a change to a device on this replica
/// drops it at once, so a suspended or revoked device's next call here is refused.
/// </summary>
public interface IDeviceAccessCache
{
    void Forget(Guid deviceId);
}

/// <summary>Remembers each assertion's <c>jti</c> until it expires, so that an assertion works once.</summary>
public interface IAssertionReplayGuard
{
    /// <returns>False when <paramref name="jti"/> of <paramref name="deviceId"/> was seen before.</returns>
    bool FirstUse(Guid deviceId, string jti, DateTimeOffset expiresAt);
}

/// <summary>The platform's manifest signing keys: the public ones devices are given, and signing with the current one.</summary>
public interface IManifestSigner
{
    IReadOnlyList<ManifestKey> PublicKeys { get; }

    /// <summary>A compact JWS (ES256) of <paramref name="manifest"/> under the current key's id.</summary>
    string Sign(object manifest);
}
