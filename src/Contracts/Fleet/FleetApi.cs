namespace Platform.Contracts.Fleet;

/// <summary>
/// What an edge device sends to and reads from the Api (docs/decisions/ADR-008). It enrols once with a one-time token
/// and its public key, then proves its key for a short-lived bearer token; everything else it calls with that token,
/// in its own workspace.
/// </summary>
public static class FleetApi
{
    /// <summary>POST <see cref="EnrolRequest"/> (no other credential: the one-time token is it): answered <see cref="EnrolledDevice"/>.</summary>
    public const string Enrol = "/api/v1/fleet/enrol";

    /// <summary>GET with the device's token: the device as the platform knows it (<see cref="EnrolledDevice"/>).</summary>
    public const string Self = "/api/v1/fleet/device";

    /// <summary>PUT <see cref="RotateKeyRequest"/> with the device's token: a new key; tokens of the old one stop working.</summary>
    public const string Key = "/api/v1/fleet/device/key";

    /// <summary>
    /// GET with the device's token: <see cref="DeviceDesiredState"/>. Send its ETag back in <c>If-None-Match</c>: while
    /// nothing changed the answer is 304 with no body, which costs the platform no write and next to no read.
    /// </summary>
    public const string DesiredState = "/api/v1/fleet/device/desired-state";

    /// <summary>POST <see cref="DeviceReport"/> with the device's token: what it runs and how that goes (202; safe to repeat).</summary>
    public const string Report = "/api/v1/fleet/device/report";

    /// <summary>GET with the device's token: a model version's file, with <c>Range</c> so that a cut download resumes.</summary>
    public static string ModelFile(string model, int version) => $"/api/v1/fleet/device/models/{Uri.EscapeDataString(model)}/versions/{version}/file";

    /// <summary>POST <see cref="DeviceTokenRequest"/>: a bearer token for a proof of the device's key (<see cref="DeviceTokenResponse"/>).</summary>
    public static string Token(Guid deviceId) => $"/api/v1/fleet/devices/{deviceId}/token";

    /// <summary>The <c>aud</c> an assertion for <see cref="Token"/> carries: that path.</summary>
    public static string TokenAudience(Guid deviceId) => Token(deviceId);

    /// <summary>The longest an assertion may live (<c>exp</c> − <c>iat</c>), and the clock skew tolerated.</summary>
    public static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromMinutes(5);
}

/// <summary>A device's public key: a P-256 JWK (<c>kty</c> EC, <c>crv</c> P-256, <c>x</c> and <c>y</c> base64url).</summary>
public sealed record DeviceJwk(string? Kty, string? Crv, string? X, string? Y);

/// <summary>What a device says it is; every field optional.</summary>
public sealed record DeviceInventory(
    string? Os = null, string? Architecture = null, int? CpuCores = null, long? MemoryBytes = null, string? Accelerator = null,
    string? OnnxRuntimeVersion = null, IReadOnlyList<string>? ExecutionProviders = null, string? AgentVersion = null);

/// <summary>
/// A device enrolling: the one-time token it was given, its name, the labels it asks for (the token's own labels win
/// where both name one), what it is, and the public half of the key it generated.
/// </summary>
public sealed record EnrolRequest(
    string? Token, string? Name, DeviceJwk? PublicKey, IReadOnlyDictionary<string, string>? Labels = null, DeviceInventory? Inventory = null);

/// <summary>A key the platform signs manifests with (its key id and public JWK): a device trusts these and nothing else.</summary>
public sealed record ManifestKey(string Kid, DeviceJwk Key);

/// <summary>The device as enrolled: its id (for <see cref="FleetApi.Token"/>), workspace, labels, and the platform's manifest keys.</summary>
public sealed record EnrolledDevice(
    Guid DeviceId, string Workspace, string Name, IReadOnlyDictionary<string, string> Labels, string State, int CredentialVersion,
    string TokenPath, IReadOnlyList<ManifestKey> ManifestKeys);

/// <summary>A compact JWS (ES256) signed with the device's key: <c>iss</c> = <c>sub</c> = its id, <c>aud</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>.</summary>
public sealed record DeviceTokenRequest(string? Assertion);

/// <summary>The bearer token for the device's calls, and how many seconds it lasts.</summary>
public sealed record DeviceTokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>
/// A new key, with two assertions (<c>aud</c>: <see cref="FleetApi.Key"/>): <see cref="CurrentKeyAssertion"/> signed by
/// the key the platform holds, naming the new key's RFC 7638 thumbprint in its <c>jkt</c> claim (so a stolen bearer
/// token alone cannot replace the device's key), and <see cref="Assertion"/> signed by the new key (so the device
/// proves it holds it).
/// </summary>
public sealed record RotateKeyRequest(DeviceJwk? PublicKey, string? Assertion, string? CurrentKeyAssertion = null);
