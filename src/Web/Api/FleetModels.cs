namespace Platform.Web.Api;

/// <summary>The states the Api gives a device, in the order of its life, and those a model version can be in on one.</summary>
public static class FleetStates
{
    public static readonly IReadOnlyList<string> Device = ["Provisioned", "Active", "Suspended", "Decommissioned"];

    public static readonly IReadOnlyList<string> ModelOnDevice = ["Downloading", "Applied", "Healthy", "Failed"];
}

/// <summary>
/// A device as the portal reads it: never its key, only the key's thumbprint. Read by its id it also carries what it reports per
/// model, what it should run and the rollouts that reached it (null in lists).
/// </summary>
public sealed record DeviceInfo(
    Guid Id, string Name, IReadOnlyDictionary<string, string> Labels, string State, bool HasCredential, int CredentialVersion, string KeyThumbprint,
    DeviceInventoryInfo Inventory, DateTimeOffset EnrolledAt, DateTimeOffset? LastSeenAt, IReadOnlyList<DeviceModelInfo>? Models = null,
    IReadOnlyList<DesiredModelInfo>? Desired = null, IReadOnlyList<DeviceRolloutInfo>? History = null);

/// <summary>What a device says it is; every field optional.</summary>
public sealed record DeviceInventoryInfo(
    string? Os = null, string? Architecture = null, int? CpuCores = null, long? MemoryBytes = null, string? Accelerator = null,
    string? OnnxRuntimeVersion = null, IReadOnlyList<string>? ExecutionProviders = null, string? AgentVersion = null);

/// <summary>What a device last reported about one model: the version it serves, the one it is moving to, and its figures.</summary>
public sealed record DeviceModelInfo(
    string Model, int? ServingVersion, int Target, string State, string? FailureReason, DateTimeOffset Since, long Inferences, long Errors,
    double? P95Milliseconds, DateTimeOffset UpdatedAt);

/// <summary>A version a device should run, and the rollout that sent it (none once rolled back to it).</summary>
public sealed record DesiredModelInfo(string Model, int Version, Guid? RolloutId, DateTimeOffset AssignedAt);

/// <summary>One rollout that reached a device, with where the device got in it.</summary>
public sealed record DeviceRolloutInfo(
    Guid RolloutId, string Model, int Version, int Wave, string Status, int? PreviousVersion, string? FailureReason, DateTimeOffset AssignedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The fleet in counts: by state, by version served and its state on the devices, and by one label's value.</summary>
public sealed record FleetSummaryInfo(
    int Total, IReadOnlyDictionary<string, int> ByState, IReadOnlyList<VersionCountInfo> ByVersion, string GroupedBy, IReadOnlyList<GroupCountInfo> ByGroup)
{
    public int InState(string state) => ByState.TryGetValue(state, out var count) ? count : 0;
}

public sealed record VersionCountInfo(string Model, int? Version, string State, int Devices);

public sealed record GroupCountInfo(string Value, int Devices, int Active, int Failing);

/// <summary>An enrolment token as listed (status unused, used, expired or revoked): never its secret.</summary>
public sealed record EnrolmentTokenInfo(
    Guid Id, string Name, string Prefix, IReadOnlyDictionary<string, string> Labels, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    string CreatedBy, DateTimeOffset? UsedAt, Guid? DeviceId, DateTimeOffset? RevokedAt)
{
    public bool Revocable => Status == "unused";
}

/// <summary>A new enrolment token: <see cref="Secret"/> is in this answer only.</summary>
public sealed record CreatedEnrolmentToken(EnrolmentTokenInfo Token, string Secret);

/// <summary>Which devices the fleet's device table lists: a label selector, a state, and those serving a model (and version).</summary>
public sealed record DeviceFilter(string? Selector = null, string? State = null, string? Model = null, int? Version = null);
