using System.Text.Json;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>A device as Operators see it: never its key, only the key's thumbprint.</summary>
public sealed record DeviceDto(
    Guid Id, string Name, IReadOnlyDictionary<string, string> Labels, DeviceState State, bool HasCredential, int CredentialVersion, string KeyThumbprint,
    DeviceInventory Inventory, DateTimeOffset EnrolledAt, DateTimeOffset? LastSeenAt)
{
    public static DeviceDto From(Device d) => new(
        d.Id, d.Name, d.Labels, d.State, d.PublicKeyJwk.Length > 0, d.CredentialVersion, d.KeyThumbprint, FleetJson.Inventory(d.InventoryJson), d.EnrolledAt,
        d.LastSeenAt);
}

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

/// <summary>How fleet records keep their JSON columns.</summary>
public static class FleetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(DeviceInventory? inventory) => JsonSerializer.Serialize(inventory ?? new DeviceInventory(), Options);

    public static DeviceInventory Inventory(string json) => JsonSerializer.Deserialize<DeviceInventory>(json, Options) ?? new DeviceInventory();
}
