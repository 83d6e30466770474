using Platform.Application.Jobs;

namespace Platform.Application.Workspaces.Commands.SetWorkspaceQuotas;

/// <summary>
/// Sets a workspace's own quotas (platform Admin: they share the platform between workspaces); a quota left out is
/// the platform's default. A raised quota sends held jobs at once.
/// </summary>
[PlatformWide]
[RequiresRole(Role.Admin)]
public sealed record SetWorkspaceQuotasCommand(string Name, int? ConcurrentJobs, int? ConcurrentGpuJobs, long? StorageBytes, int? Deployments)
    : ICommand<WorkspaceQuotasDto>;

public sealed class SetWorkspaceQuotasCommandHandler(IPlatformDbContext db, ICurrentUser user, JobShares shares, WorkspaceQuotas quotas)
    : ICommandHandler<SetWorkspaceQuotasCommand, WorkspaceQuotasDto>
{
    public async ValueTask<WorkspaceQuotasDto> Handle(SetWorkspaceQuotasCommand command, CancellationToken cancellationToken)
    {
        var (workspace, _) = await db.SeeAsync(user, command.Name, cancellationToken);
        workspace.SetQuotas(command.ConcurrentJobs, command.ConcurrentGpuJobs, command.StorageBytes, command.Deployments);
        await db.SaveChangesAsync(cancellationToken);
        await shares.ReleaseAsync(workspace.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await quotas.UsageAsync(workspace.Id, cancellationToken);
    }
}
