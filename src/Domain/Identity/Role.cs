namespace Platform.Domain.Identity;

/// <summary>What a person or token may do. A user holds any combination; Admin may do everything.</summary>
[Flags]
public enum Role
{
    None = 0,
    Viewer = 1,
    DataScientist = 2,
    Approver = 4,
    Operator = 8,
    Admin = 16,
}

public static class RoleExtensions
{
    public static readonly Role[] All = [Role.Viewer, Role.DataScientist, Role.Approver, Role.Operator, Role.Admin];

    public static IEnumerable<Role> Split(this Role roles) => All.Where(r => roles.HasFlag(r));

    public static Role Combine(this IEnumerable<Role> roles) => roles.Aggregate(Role.None, (acc, r) => acc | r);

    /// <summary>Admin satisfies every requirement; otherwise one of the required roles must be held.</summary>
    public static bool Satisfies(this Role held, Role anyOf) =>
        held.HasFlag(Role.Admin) || (held & anyOf) != Role.None;
}
