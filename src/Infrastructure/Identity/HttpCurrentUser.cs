using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>The caller of the current HTTP request (or hub call), read from the authenticated principal.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, CurrentPrincipal current, GroupWorkspaceRoles groups) : ICurrentUser
{
    private ClaimsPrincipal? Principal => current.Principal ?? accessor.HttpContext?.User;

    private ClaimsIdentity? Identity => Principal?.Identity as ClaimsIdentity;

    public bool IsAuthenticated => Identity?.IsAuthenticated == true;

    public Guid? UserId =>
        Identity?.AuthenticationType is PlatformAuthenticationSchemes.Local or PlatformAuthenticationSchemes.AccessToken
        && Guid.TryParse(Principal!.FindFirst(PlatformClaims.Subject)?.Value, out var id)
            ? id
            : null;

    public string Name => Identity?.Name ?? Principal?.FindFirst(PlatformClaims.Subject)?.Value ?? "anonymous";

    public Role Roles => Identity is null
        ? Role.None
        : IsJob
        ? Role.Job
        : IsClaimTicket
        ? Role.JobClaim
        : IsDevice
        ? Role.Device
        : Identity.FindAll(Identity.RoleClaimType)
            .Select(c => RoleExtensions.TryParseAssignable(c.Value, out var role) ? role : Role.None)
            .Combine();

    public bool IsSession => Identity is { IsAuthenticated: true, AuthenticationType: PlatformAuthenticationSchemes.Local };

    public IReadOnlyList<Guid>? TokenWorkspaces =>
        AccessTokenId is null || Principal!.FindAll(PlatformClaims.Workspace).Select(c => Guid.Parse(c.Value)).ToList() is not { Count: > 0 } scoped ? null : scoped;

    public IReadOnlyDictionary<string, Role>? ExternalWorkspaceRoles =>
        Identity is { IsAuthenticated: true, AuthenticationType: PlatformAuthenticationSchemes.External } ? groups.Of(Principal!) : null;

    public Guid? AccessTokenId => Guid.TryParse(Principal?.FindFirst(PlatformClaims.AccessTokenId)?.Value, out var id) ? id : null;

    public JobScope? Job => IsJob
        ? new JobScope(ClaimId(PlatformClaims.JobId)!.Value, ClaimId(PlatformClaims.LeaseId)!.Value, ClaimId(PlatformClaims.RunId))
        : null;

    public Guid? ClaimableJobId => IsClaimTicket ? ClaimId(PlatformClaims.JobId) : null;

    public DeviceScope? Device => IsDevice
        ? new DeviceScope(ClaimId(PlatformClaims.DeviceId)!.Value, ClaimId(PlatformClaims.Workspace)!.Value, Principal!.FindFirst(PlatformClaims.WorkspaceName)!.Value)
        : null;

    private bool IsDevice => Identity is { IsAuthenticated: true, AuthenticationType: PlatformAuthenticationSchemes.DeviceToken };

    private bool IsJob => JobCredentialRole == nameof(Role.Job);

    private bool IsClaimTicket => JobCredentialRole == nameof(Role.JobClaim);

    /// <summary>The role a job's credential was given (<see cref="JobTokenAuthenticationHandler"/>); null for any other caller.</summary>
    private string? JobCredentialRole => Identity is { IsAuthenticated: true, AuthenticationType: PlatformAuthenticationSchemes.JobToken }
        ? Identity.FindFirst(PlatformClaims.Role)?.Value
        : null;

    private Guid? ClaimId(string type) => Guid.TryParse(Principal?.FindFirst(type)?.Value, out var id) ? id : null;
}
