namespace Platform.Domain.Fleet;

/// <summary>
/// The version of one model a device should run (its desired state, one row per device and model): set by a rollout,
/// set back by its rollback. The file's SHA-256 and size are copied here so a poll needs no other table.
/// </summary>
public sealed class DeviceAssignment
{
    private DeviceAssignment()
    {
        Model = Sha256 = HealthCheckJson = string.Empty;
    }

    public Guid DeviceId { get; private set; }
    public Guid ModelId { get; private set; }
    public string Model { get; private set; }
    public int Version { get; private set; }
    public Guid ModelVersionId { get; private set; }
    public string Sha256 { get; private set; }
    public long SizeBytes { get; private set; }
    public Guid? RolloutId { get; private set; }

    /// <summary>The local health check the rollout set (<see cref="LocalHealthLimits"/> as JSON).</summary>
    public string HealthCheckJson { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }

    public static DeviceAssignment For(Guid deviceId, Guid modelId, string model) => new() { DeviceId = deviceId, ModelId = modelId, Model = model };

    public void Set(int version, Guid modelVersionId, string sha256, long sizeBytes, Guid? rolloutId, string healthCheckJson, DateTimeOffset now) =>
        (Version, ModelVersionId, Sha256, SizeBytes, RolloutId, HealthCheckJson, AssignedAt) = (version, modelVersionId, sha256, sizeBytes, rolloutId, healthCheckJson, now);
}
