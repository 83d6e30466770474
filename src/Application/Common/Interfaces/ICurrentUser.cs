namespace Platform.Application.Common.Interfaces;

/// <summary>Who is calling: a user signed in with a password, an external identity, a personal access token, a running job, or an edge device.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The local user's id; null for an external identity with no local account.</summary>
    Guid? UserId { get; }

    /// <summary>The name recorded as actor (created by, audit).</summary>
    string Name { get; }

    Role Roles { get; }

    /// <summary>
    /// True for a person's own sign-in, whose roles in a workspace are their membership's; false for a personal access
    /// token or a download link, which carry no more than the roles they were given.
    /// </summary>
    bool IsSession => false;

    /// <summary>The workspaces a personal access token is scoped to; null for a token of every workspace, and for any other caller.</summary>
    IReadOnlyList<Guid>? TokenWorkspaces => null;

    /// <summary>
    /// For an external identity with no local account: the roles its groups give it, by workspace name
    /// (<c>Auth:WorkspaceRoles</c>); null for any other caller. Read through <see cref="WorkspaceRoles"/> only.
    /// </summary>
    IReadOnlyDictionary<string, Role>? ExternalWorkspaceRoles => null;

    /// <summary>The personal access token used, if any.</summary>
    Guid? AccessTokenId { get; }

    /// <summary>The running job whose token is used (role <see cref="Role.Job"/>), if any.</summary>
    JobScope? Job { get; }

    /// <summary>The queued job whose claim ticket is used (role <see cref="Role.JobClaim"/>), if any.</summary>
    Guid? ClaimableJobId { get; }

    /// <summary>The edge device whose token is used (role <see cref="Role.Device"/>), if any.</summary>
    DeviceScope? Device => null;
}

/// <summary>What a device's token stands for: the device and the workspace it belongs to.</summary>
public sealed record DeviceScope(Guid DeviceId, Guid WorkspaceId, string WorkspaceName);

/// <summary>What a job's token stands for: one attempt of one job (its lease), and the job's run if it has one.</summary>
public sealed record JobScope(Guid JobId, Guid LeaseId, Guid? RunId);
