using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Workspaces;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Puts what a save creates in the workspace the unit of work is inside (after the domain event handlers have added
/// theirs, before the audit reads the changes). A request that creates something before entering a workspace, or in
/// one other than the caller's, is a defect: the save fails rather than write a resource nobody can see, or into
/// someone else's space. The platform's own work, which spans all workspaces, names the workspace of what it creates
/// (an event takes its subject's); what it leaves unnamed goes to <see cref="Workspace.DefaultName"/>, as do the
/// writes of tools with no scope at all.
/// </summary>
internal sealed class WorkspaceStampInterceptor(IWorkspaceScope? scope) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<IWorkspaceOwned>().Where(e => e.State == EntityState.Added))
        {
            var stamped = entry.Property(e => e.WorkspaceId);
            if (stamped.CurrentValue == Guid.Empty)
            {
                stamped.CurrentValue = scope?.WorkspaceId
                    ?? (scope is null || scope.SpansAll ? Workspace.DefaultId : throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} was created outside any workspace."));
            }
            else if (scope?.WorkspaceId is { } inside && stamped.CurrentValue != inside)
            {
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} was created in another workspace than the caller's.");
            }
        }
    }
}
