namespace Platform.Domain.Fleet;

/// <summary>
/// What a device last said about one model (its actual state, one row per device and model): the version it serves,
/// the one it was asked for and where that is, why it failed, and the serving version's health figures. Kept from its
/// reports, so that the fleet is counted and filtered by version and health with the database's indexes.
/// </summary>
public sealed class DeviceModelStatus
{
    public const int MaxReasonLength = 500;

    private DeviceModelStatus() => Model = string.Empty;

    public Guid DeviceId { get; private set; }
    public string Model { get; private set; }
    public int? ServingVersion { get; private set; }
    public int Target { get; private set; }
    public ModelStateOnDevice State { get; private set; }
    public string? FailureReason { get; private set; }
    public DateTimeOffset Since { get; private set; }
    public long Inferences { get; private set; }
    public long Errors { get; private set; }
    public double? P95Milliseconds { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static DeviceModelStatus Of(Guid deviceId, string model) => new() { DeviceId = deviceId, Model = model };

    /// <summary>Takes what the device reported; returns whether anything changed (an unchanged report writes nothing).</summary>
    public bool Take(int? serving, int target, ModelStateOnDevice state, string? reason, DateTimeOffset since, long inferences, long errors, double? p95, DateTimeOffset now)
    {
        reason = reason is { Length: > MaxReasonLength } ? reason[..MaxReasonLength] : reason;
        if ((ServingVersion, Target, State, FailureReason, Since, Inferences, Errors, P95Milliseconds) == (serving, target, state, reason, since, inferences, errors, p95))
        {
            return false;
        }

        (ServingVersion, Target, State, FailureReason, Since, Inferences, Errors, P95Milliseconds, UpdatedAt) = (serving, target, state, reason, since, inferences, errors, p95, now);
        return true;
    }
}
