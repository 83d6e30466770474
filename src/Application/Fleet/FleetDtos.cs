using System.Text.Json;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>
/// A device as Operators see it: never its key, only the key's thumbprint. One device read by its id also carries what it
/// reports per model (<see cref="Models"/>), what it should run (<see cref="Desired"/>) and its rollouts, newest first
/// (<see cref="History"/>); lists leave those null.
/// </summary>
public sealed record DeviceDto(
    Guid Id, string Name, IReadOnlyDictionary<string, string> Labels, DeviceState State, bool HasCredential, int CredentialVersion, string KeyThumbprint,
    DeviceInventory Inventory, DateTimeOffset EnrolledAt, DateTimeOffset? LastSeenAt, IReadOnlyList<DeviceModelDto>? Models = null,
    IReadOnlyList<DesiredModelDto>? Desired = null, IReadOnlyList<DeviceRolloutDto>? History = null)
{
    public static DeviceDto From(Device d) => new(
        d.Id, d.Name, d.Labels, d.State, d.PublicKeyJwk.Length > 0, d.CredentialVersion, d.KeyThumbprint, FleetJson.Inventory(d.InventoryJson), d.EnrolledAt,
        d.LastSeenAt);
}

/// <summary>What a device last reported about one model.</summary>
public sealed record DeviceModelDto(
    string Model, int? ServingVersion, int Target, ModelStateOnDevice State, string? FailureReason, DateTimeOffset Since, long Inferences, long Errors,
    double? P95Milliseconds, DateTimeOffset UpdatedAt)
{
    public static DeviceModelDto From(DeviceModelStatus s) =>
        new(s.Model, s.ServingVersion, s.Target, s.State, s.FailureReason, s.Since, s.Inferences, s.Errors, s.P95Milliseconds, s.UpdatedAt);
}

/// <summary>A model version a device should run, and the rollout that sent it (none once rolled back to it).</summary>
public sealed record DesiredModelDto(string Model, int Version, Guid? RolloutId, DateTimeOffset AssignedAt);

/// <summary>One rollout that reached a device: its versions over time.</summary>
public sealed record DeviceRolloutDto(
    Guid RolloutId, string Model, int Version, int Wave, RolloutDeviceStatus Status, int? PreviousVersion, string? FailureReason, DateTimeOffset AssignedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// The fleet (or the devices a selector picks) in counts: by state, by model version served and its state on the
/// devices, and by the value of one label (<c>region</c> unless told), each with how many are active and how many failing.
/// </summary>
public sealed record FleetSummaryDto(int Total, IReadOnlyDictionary<DeviceState, int> ByState, IReadOnlyList<VersionCountDto> ByVersion, string GroupedBy, IReadOnlyList<GroupCountDto> ByGroup);

public sealed record VersionCountDto(string Model, int? Version, ModelStateOnDevice State, int Devices);

public sealed record GroupCountDto(string Value, int Devices, int Active, int Failing);

/// <summary>An enrolment token as listed: never its secret.</summary>
public sealed record EnrolmentTokenDto(
    Guid Id, string Name, string Prefix, IReadOnlyDictionary<string, string> Labels, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    string CreatedBy, DateTimeOffset? UsedAt, Guid? DeviceId, DateTimeOffset? RevokedAt)
{
    public static EnrolmentTokenDto From(EnrolmentToken t, DateTimeOffset now) => new(
        t.Id, t.Name, t.Prefix, t.Labels, t.RevokedAt is not null ? "revoked" : t.UsedAt is not null ? "used" : t.ExpiresAt <= now ? "expired" : "unused",
        t.CreatedAt, t.ExpiresAt, t.CreatedBy, t.UsedAt, t.DeviceId, t.RevokedAt);
}

/// <summary>A new enrolment token with its secret: in this answer only.</summary>
public sealed record CreatedEnrolmentTokenDto(EnrolmentTokenDto Token, string Secret);

/// <summary>A batch of new enrolment tokens, each with its secret: in this answer only.</summary>
public sealed record CreatedEnrolmentTokenBatchDto(IReadOnlyList<CreatedEnrolmentTokenDto> Tokens);

/// <summary>How fleet records keep their JSON columns.</summary>
public static class FleetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(DeviceInventory? inventory) => JsonSerializer.Serialize(inventory ?? new DeviceInventory(), Options);

    public static DeviceInventory Inventory(string json) => JsonSerializer.Deserialize<DeviceInventory>(json, Options) ?? new DeviceInventory();
}
