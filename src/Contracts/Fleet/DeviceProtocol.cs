namespace Platform.Contracts.Fleet;

/// <summary>
/// What a device should run (<see cref="FleetApi.DesiredState"/>): each model with its signed manifest and the local
/// health limits its rollout set, how often to poll, and the platform's manifest keys. <see cref="Revision"/> is
/// also the answer's ETag.
/// </summary>
public sealed record DeviceDesiredState(string Revision, IReadOnlyList<DesiredModel> Models, DevicePolling Polling, IReadOnlyList<ManifestKey> ManifestKeys);

/// <summary>
/// A model the device should serve under <see cref="Name"/> (<c>/v2/models/{name}</c>): <see cref="Manifest"/> is a
/// compact JWS (ES256, by one of the manifest keys) of a <see cref="ModelManifest"/>; the device trusts the manifest,
/// never the fields beside it, and checks the file's SHA-256 and size against it before use.
/// </summary>
public sealed record DesiredModel(string Name, int Version, string Manifest, LocalHealthCheck? HealthCheck);

/// <summary>
/// What the platform vouches for, signed: the model and version, the file's SHA-256 (lower-case hex) and size, the path to
/// download it from (<see cref="FleetApi.ModelFile"/>), the device it is for and the rollout that sent it.
/// </summary>
public sealed record ModelManifest(
    string Model, int Version, string Sha256, long SizeBytes, string DownloadPath, Guid DeviceId, string Workspace, Guid? RolloutId, DateTimeOffset IssuedAt);

/// <summary>
/// How a device judges a new version in its first minutes, and rolls back by itself when it fails: the model must
/// load, and over <see cref="WindowSeconds"/> with at least <see cref="MinInferences"/> inferences its error rate
/// and p95 latency must stay within the limits (null: no limit).
/// </summary>
public sealed record LocalHealthCheck(int WindowSeconds, int MinInferences, double? MaxErrorRate, double? MaxP95Milliseconds);

/// <summary>
/// How often to ask again: every <see cref="IntervalSeconds"/>, each wait spread by ±<see cref="Jitter"/> of itself at
/// random, and after failures doubled each time up to <see cref="MaxBackoffSeconds"/>, so that devices coming back
/// after an outage do not arrive in the same second.
/// </summary>
public sealed record DevicePolling(int IntervalSeconds, double Jitter, int MaxBackoffSeconds);

/// <summary>Where a model is on a device; on the wire by its name (the Api refuses numbers for enums).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ModelOnDevice>))]
public enum ModelOnDevice
{
    /// <summary>Its file is being fetched; the previous version still serves.</summary>
    Downloading,

    /// <summary>Switched to and serving, still inside its health check's window.</summary>
    Applied,

    /// <summary>Serving and past its health check.</summary>
    Healthy,

    /// <summary>Refused (tampered, mismatched, failed to load) or failed its health check: the device went back to what it ran before.</summary>
    Failed,
}

/// <summary>
/// A device's actual state (<see cref="FleetApi.Report"/>): each report replaces the one before, and one with a lower
/// <see cref="Sequence"/> than the last taken is ignored, so a repeated or late report changes nothing.
/// </summary>
public sealed record DeviceReport(long Sequence, string? DesiredRevision, IReadOnlyList<ReportedModel>? Models, DeviceInventory? Inventory = null);

/// <summary>
/// One model on the device: the version it serves (<see cref="ServingVersion"/>, null when none), the version it was
/// asked for and where that is (<see cref="Target"/>, <see cref="State"/>), why it failed, and the serving version's
/// health since <see cref="Since"/>: inferences, errors and p95 latency.
/// </summary>
public sealed record ReportedModel(
    string Name, int? ServingVersion, int Target, ModelOnDevice State, string? FailureReason, DateTimeOffset Since, long Inferences, long Errors,
    double? P95Milliseconds);
