using Platform.Domain.Common;

namespace Platform.Domain.Fleet;

/// <summary>What happened to a device's membership of the fleet or its credential.</summary>
public enum DeviceChange
{
    Enrolled,
    Suspended,
    Resumed,
    Decommissioned,
    Revoked,
    KeyRotated,
}

/// <summary>A device enrolled, was suspended, resumed or decommissioned, lost its credential, or rotated its key.</summary>
public sealed record DeviceChanged(Device Device, DeviceChange Change) : IDomainEvent;
