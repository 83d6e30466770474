namespace Platform.Infrastructure.Identity;

/// <summary>Claim names in the API's own tokens and in the principals built for personal access tokens and job tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string AccessTokenId = "token_id";

    /// <summary>In the principal built for a personal access token scoped to workspaces: one claim per workspace id.</summary>
    public const string Workspace = "workspace";

    /// <summary>In the principal built for a job's token: the job, its lease (the attempt) and its run.</summary>
    public const string JobId = "job_id";
    public const string LeaseId = "lease_id";
    public const string RunId = "run_id";

    /// <summary>In the principal built for a device's token: the device, and its workspace's name (its id is in <see cref="Workspace"/>).</summary>
    public const string DeviceId = "device_id";
    public const string WorkspaceName = "workspace_name";

    /// <summary>In the principal built for a device's token: its desired state's revision as read with its state (see <see cref="Fleet.DeviceAccessCache"/>).</summary>
    public const string DesiredRevision = "desired_revision";
}
