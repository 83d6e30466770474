using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Application.Common.Auditing;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Auditing;

namespace Platform.Infrastructure.Auditing;

/// <summary>
/// When an audited command saves, adds one <see cref="AuditEvent"/> to the same save (so the same transaction): the
/// actor, the command, the main entity, and a summary of every changed record (up to <see cref="AuditSummary.MaxRecords"/>)
/// with its changed properties before and after. A record whose key the database assigns (a sequence number) has only
/// a temporary one while the save is prepared: the event is written again with the real keys when the save's
/// transaction commits, so the trail names the rows as stored. The event joins its workspace's chain (<see cref="Chain"/>).
/// </summary>
internal sealed class AuditInterceptor(AuditScope scope, IWorkspaceScope? workspace, ICurrentUser user, IHttpContextAccessor http, TimeProvider clock)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private AuditSummary? _unresolved;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _unresolved = null;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _unresolved = null;
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        using var command = ResolveKeys(transaction, eventData.Context);
        command?.ExecuteNonQuery();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await using var command = ResolveKeys(transaction, eventData.Context);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    private void Record(DbContext? context)
    {
        if (context is null || scope.Action is not { } action)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEvent)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var summary = new AuditSummary(changed);
        var auditEvent = AuditEvent.Record(
            clock.GetUtcNow(), Actor(), action, summary.MainType, summary.MainId, summary.ToJson(),
            Activity.Current?.TraceId.ToString(), http.HttpContext?.Connection.RemoteIpAddress?.ToString(), Chain(changed));
        context.Add(auditEvent);
        summary.Event = context.Entry(auditEvent);
        summary.EventTemporarySequence = summary.Event.Property(e => e.Sequence).CurrentValue;
        _unresolved = summary.HasTemporaryKeys ? summary : null;
        scope.Action = null; // one event per command, also when its handler saves twice
    }

    /// <summary>The update that gives the event its rows' real keys, once the database has assigned them; null when none is needed.</summary>
    private DbCommand? ResolveKeys(DbTransaction transaction, DbContext? context)
    {
        // The database's numbers are in the entries' current values by now (EF Core still flags them temporary until the save is accepted).
        if (_unresolved is not { Event: { } entry } summary || context is null || entry.Property(e => e.Sequence).CurrentValue == summary.EventTemporarySequence)
        {
            return null;
        }

        _unresolved = null;
        var json = summary.ToJson();
        entry.Property(e => e.Summary).CurrentValue = json;
        entry.Property(e => e.Summary).OriginalValue = json;
        entry.Property(e => e.EntityId).CurrentValue = summary.MainId;
        entry.Property(e => e.EntityId).OriginalValue = summary.MainId;
        return AuditEventKeys.Update(context, transaction, entry.Property(e => e.Sequence).CurrentValue, json, summary.MainId);
    }

    /// <summary>
    /// The workspace whose chain the event joins: the one the request runs in; for the platform's own work, the one
    /// every changed resource belongs to; else (users, workspaces, tokens…) the platform's chain.
    /// </summary>
    private Guid? Chain(List<EntityEntry> changed)
    {
        if (workspace?.WorkspaceId is { } current)
        {
            return current;
        }

        var owners = changed.Select(e => e.Entity).OfType<Domain.Workspaces.IWorkspaceOwned>().Select(o => o.WorkspaceId).Where(id => id != Guid.Empty).Distinct().ToList();
        return (workspace?.SpansAll ?? true) && owners.Count == 1 ? owners[0] : null;
    }

    private string Actor() => user.Job is { } job ? $"job:{job.JobId}"
        : user.AccessTokenId is { } token ? $"{user.Name} (token {token})"
        : user.Name;
}
