using System.Reflection;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Enters the workspace a request runs in, before its roles are checked: the one its route names, or where the path
/// names none, the caller's home (a job's token: its job's workspace; a device's: its own; a person: <see cref="Workspace.DefaultName"/>).
/// A caller who is not a member finds no such workspace (404, never 403, so names do not leak); a member holds the
/// roles of their membership there, no more than their token or link carries; a token scoped to other workspaces
/// finds none here either. From here on persistence keeps every query inside the workspace. Platform-wide and
/// anonymous requests, and the platform's own background work, pass.
/// </summary>
public sealed class WorkspaceBehaviour<TMessage, TResponse>(WorkspaceScope scope, ICurrentUser currentUser, IPlatformDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly bool Passes =
        typeof(TMessage).GetCustomAttribute<PlatformWideAttribute>() is not null || typeof(TMessage).GetCustomAttribute<AllowAnonymousAttribute>() is not null;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!Passes && scope.IsRequest && scope.WorkspaceId is null && currentUser.IsAuthenticated)
        {
            await EnterAsync(cancellationToken);
        }

        return await next(message, cancellationToken);
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (currentUser.Device is { } device)
        {
            if (scope.RequestedName is { } named && named != device.WorkspaceName)
            {
                throw new NotFoundException("Workspace", named);
            }

            scope.Enter(device.WorkspaceId, device.WorkspaceName, Role.Device);
            return;
        }

        if ((currentUser.Job?.JobId ?? currentUser.ClaimableJobId) is { } jobId)
        {
            var jobWorkspace = await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == jobId).Select(j => (Guid?)j.WorkspaceId).SingleOrDefaultAsync(cancellationToken);
            var workspace = jobWorkspace is { } id ? await db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken) : null;
            if (workspace is null || (scope.RequestedName is { } named && named != workspace.Name))
            {
                throw new NotFoundException("Workspace", scope.RequestedName ?? "of this job");
            }

            scope.Enter(workspace.Id, workspace.Name, currentUser.Roles);
            return;
        }

        var name = scope.RequestedName ?? Workspace.DefaultName;
        var userId = currentUser.UserId ?? Guid.Empty;
        var found = await db.Workspaces.AsNoTracking().Where(w => w.Name == name)
            .Select(w => new { w.Id, Membership = db.WorkspaceMembers.Where(m => m.WorkspaceId == w.Id && m.UserId == userId).Select(m => (Role?)m.Roles).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Workspace", name);
        if (currentUser.TokenWorkspaces is { } scoped && !scoped.Contains(found.Id))
        {
            throw new NotFoundException("Workspace", name);
        }

        scope.Enter(found.Id, name, WorkspaceRoles.Of(currentUser, name, found.Membership) ?? throw new NotFoundException("Workspace", name));
    }
}
