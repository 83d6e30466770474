using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// The caller for this scope: the HTTP caller, or, for work that arrives over the bus, the platform itself acting
/// for a worker (set by <see cref="SystemSender"/>).
/// </summary>
internal sealed class ScopedCurrentUser(HttpCurrentUser http) : ICurrentUser
{
    private string? _systemActor;

    public bool IsAuthenticated => _systemActor is not null || http.IsAuthenticated;
    public Guid? UserId => _systemActor is not null ? null : http.UserId;
    public string Name => _systemActor ?? http.Name;
    public Role Roles => _systemActor is not null ? Role.System : http.Roles;
    public Guid? AccessTokenId => _systemActor is not null ? null : http.AccessTokenId;
    public JobScope? Job => _systemActor is not null ? null : http.Job;

    public void ActAsSystem(string actor) => _systemActor = actor;
}
