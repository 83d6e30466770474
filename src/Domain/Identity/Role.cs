namespace Platform.Domain.Identity;

/// <summary>What a person or token may do. A user holds any combination; Admin may do everything.</summary>
[Flags]
public enum Role
{
    [System.ComponentModel.Browsable(false)]
    None = 0,
    Viewer = 1,
    DataScientist = 2,
    Approver = 4,
    Operator = 8,
    Admin = 16,

    /// <summary>The platform itself acting on messages from workers. Never held by a person or a token.</summary>
    [System.ComponentModel.Browsable(false)]
    System = 32,

    /// <summary>
    /// A running job's own token (issued to its worker with the claim, valid while that attempt runs): reports for
    /// that job and its run only. Never held by a person.
    /// </summary>
    [System.ComponentModel.Browsable(false)]
    Job = 64,

    /// <summary>
    /// A queued job's claim ticket, sent to the workers with the job's message: may claim that job (that attempt)
    /// and nothing else. Never held by a person.
    /// </summary>
    [System.ComponentModel.Browsable(false)]
    JobClaim = 128,

    /// <summary>
    /// An edge device's own short-lived token (issued for proof of its key, docs/decisions/ADR-008): its desired state,
    /// its reports and its model files, in its workspace only. Never held by a person.
    /// </summary>
    [System.ComponentModel.Browsable(false)]
    Device = 256,
}

public static class RoleExtensions
{
    /// <summary>The roles a person or token can hold.</summary>
    public static readonly Role[] All = [Role.Viewer, Role.DataScientist, Role.Approver, Role.Operator, Role.Admin];

    /// <summary>The roles only the platform and its jobs hold: never a person's, never satisfied by Admin.</summary>
    public const Role Machine = Role.System | Role.Job | Role.JobClaim | Role.Device;

    /// <summary>Reads a role by name only (never a number, never one of the <see cref="Machine"/> roles), as claims and requests name it.</summary>
    public static bool TryParseAssignable(string? name, out Role role)
    {
        role = All.FirstOrDefault(r => string.Equals(r.ToString(), name, StringComparison.OrdinalIgnoreCase));
        return role != Role.None;
    }

    public static IEnumerable<Role> Split(this Role roles) => All.Where(r => roles.HasFlag(r));

    public static Role Combine(this IEnumerable<Role> roles) => roles.Aggregate(Role.None, (acc, r) => acc | r);

    /// <summary>Admin satisfies every requirement a person can meet; otherwise one of the required roles must be held.</summary>
    public static bool Satisfies(this Role held, Role anyOf) =>
        (held & anyOf) != Role.None || (held.HasFlag(Role.Admin) && (anyOf & ~Machine) != Role.None);
}
