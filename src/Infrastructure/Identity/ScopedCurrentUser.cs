using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// The caller for this scope: the HTTP caller; or, for work that arrives over the bus, the platform itself acting
/// for a worker (set by <see cref="SystemSender"/>); or the user a download link was made for (set when the link is opened).
/// Inside a workspace its roles are those the caller holds there, so every check a handler makes reads them.
/// </summary>
internal sealed class ScopedCurrentUser(HttpCurrentUser http, WorkspaceScope workspace) : ICurrentUser, IDownloadCaller
{
    private string? _systemActor;
    private (Guid? Id, string Name, Role Roles)? _linkUser;

    public bool IsAuthenticated => _systemActor is not null || _linkUser is not null || http.IsAuthenticated;
    public Guid? UserId => _systemActor is not null ? null : _linkUser is { } link ? link.Id : http.UserId;
    public string Name => _systemActor ?? _linkUser?.Name ?? http.Name;
    /// <summary>Inside a workspace, the roles held there (entered by the pipeline); outside, the caller's own.</summary>
    public Role Roles => workspace.WorkspaceId is not null ? workspace.Roles : CallerRoles;

    private Role CallerRoles => _systemActor is not null ? Role.System : _linkUser is { } link ? link.Roles : http.Roles;
    public bool IsSession => _systemActor is null && _linkUser is null && http.IsSession;
    public IReadOnlyList<Guid>? TokenWorkspaces => _systemActor is not null || _linkUser is not null ? null : http.TokenWorkspaces;
    public IReadOnlyDictionary<string, Role>? ExternalWorkspaceRoles => _systemActor is not null || _linkUser is not null ? null : http.ExternalWorkspaceRoles;
    public Guid? AccessTokenId => _systemActor is not null || _linkUser is not null ? null : http.AccessTokenId;
    public JobScope? Job => _systemActor is not null || _linkUser is not null ? null : http.Job;
    public Guid? ClaimableJobId => _systemActor is not null || _linkUser is not null ? null : http.ClaimableJobId;
    public DeviceScope? Device => _systemActor is not null || _linkUser is not null ? null : http.Device;

    public void ActAsSystem(string actor) => _systemActor = actor;

    /// <summary>Acts for a download link's user; never for the platform itself or a job.</summary>
    public void ActFor(Guid? userId, string name, Role roles) => _linkUser = (userId, name, roles & ~RoleExtensions.Machine);
}
