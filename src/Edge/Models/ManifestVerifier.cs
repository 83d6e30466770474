using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Contracts.Fleet;

namespace Platform.Edge.Models;

/// <summary>
/// Checks a desired model's signed manifest before anything is downloaded: an ES256 JWS by one of the keys the device
/// trusts (those it got at enrolment, found by the header's kid), for this device and workspace, the same model and
/// version as asked for, with a well-formed hash, size and download path. Anything else is refused with its reason.
/// </summary>
internal static partial class ManifestVerifier
{
    public static ManifestCheck Verify(DesiredModel desired, EnrolledDevice device)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(device);
        if (string.IsNullOrEmpty(desired.Manifest) || Es256.KeyId(desired.Manifest) is not { } kid)
        {
            return ManifestCheck.Refused("the manifest is unsigned or names no signing key");
        }

        if (device.ManifestKeys.FirstOrDefault(k => k.Kid == kid) is not { } trusted)
        {
            return ManifestCheck.Refused($"the manifest is signed by key '{kid}', which this device does not trust");
        }

        using var key = Es256.Import(trusted.Key);
        if (key is null || Es256.Verify(desired.Manifest, key) is not { } payload)
        {
            return ManifestCheck.Refused($"the manifest's signature does not verify with key '{kid}' (tampered, or not ES256)");
        }

        ModelManifest? manifest;
        try
        {
            manifest = payload.Deserialize<ModelManifest>(JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return ManifestCheck.Refused($"the signed manifest is not a model manifest: {ex.Message}");
        }

        return Mismatch(manifest, desired, device) is { } reason ? ManifestCheck.Refused(reason) : ManifestCheck.Trusted(manifest!);
    }

    /// <summary>
    /// What identifies a request for a model, so that a repeat is recognised and never applied (nor a failed one retried)
    /// twice: a trusted manifest by the file and rollout it names (not its signing time, which a re-signed manifest
    /// changes), a refused one by its text.
    /// </summary>
    public static string TargetKey(DesiredModel desired, ManifestCheck check) => check.Manifest is { } m
        ? $"{m.Version}:{m.Sha256}:{m.RolloutId}"
        : $"{desired.Version}:refused:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(desired.Manifest ?? "")))}";

    private static string? Mismatch(ModelManifest? manifest, DesiredModel desired, EnrolledDevice device) => manifest switch
    {
        null => "the signed manifest is empty",
        _ when manifest.DeviceId != device.DeviceId => $"the manifest is for device {manifest.DeviceId}, not this one ({device.DeviceId})",
        _ when manifest.Workspace != device.Workspace => $"the manifest is for workspace '{manifest.Workspace}', not '{device.Workspace}'",
        _ when manifest.Model != desired.Name => $"the manifest is for model '{manifest.Model}', but '{desired.Name}' was asked for",
        _ when manifest.Version != desired.Version => $"the manifest is for version {manifest.Version} of '{manifest.Model}', but version {desired.Version} was asked for",
        _ when manifest.Sha256 is null || !Sha256Hex().IsMatch(manifest.Sha256) => "the manifest's sha256 is not 64 lower-case hex digits",
        _ when manifest.SizeBytes <= 0 => "the manifest's size is not positive",
        _ when !IsPlatformPath(manifest.DownloadPath) => "the manifest's download path is not a path on the platform",
        _ => null,
    };

    /// <summary>A path on the platform itself: the file is fetched with the device's token, which must never go to another host.</summary>
    private static bool IsPlatformPath(string? path) =>
        path is { Length: > 1 } && path[0] == '/' && path[1] != '/' && path[1] != '\\' && !path.Contains("://", StringComparison.Ordinal);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}

/// <summary>A manifest check's outcome: the trusted manifest, or why it was refused.</summary>
internal sealed record ManifestCheck(ModelManifest? Manifest, string? Reason)
{
    public static ManifestCheck Trusted(ModelManifest manifest) => new(manifest, null);

    public static ManifestCheck Refused(string reason) => new(null, reason);
}
