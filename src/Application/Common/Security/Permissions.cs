namespace Platform.Application.Common.Security;

/// <summary>The role sets behind the authorisation matrix in the README, named once.</summary>
public static class Permissions
{
    /// <summary>Read anything in tracking and the registry.</summary>
    public const Role Read = Role.Viewer | Role.DataScientist | Role.Approver | Role.Operator;

    /// <summary>Create and change experiments, runs, metrics and artefacts.</summary>
    public const Role Track = Role.DataScientist;

    /// <summary>Read and verify the audit trail: compliance staff.</summary>
    public const Role Audit = Role.Approver | Role.Admin;

    /// <summary>Manage users and other people's tokens.</summary>
    public const Role Administer = Role.Admin;

    /// <summary>Anyone signed in (every user holds at least one role).</summary>
    public const Role AnySignedIn = Read;
}
