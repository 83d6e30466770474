namespace Platform.Domain.Fleet;

/// <summary>
/// Where a device is in its life: enrolled and not yet heard from (Provisioned), reporting (Active), stopped by an
/// Operator and refused until resumed (Suspended), or gone for good (Decommissioned, its trail kept).
/// </summary>
public enum DeviceState
{
    Provisioned,
    Active,
    Suspended,
    Decommissioned,
}
