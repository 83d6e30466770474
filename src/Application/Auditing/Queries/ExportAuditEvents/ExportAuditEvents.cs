using Platform.Domain.Auditing;

namespace Platform.Application.Auditing.Queries.ExportAuditEvents;

/// <summary>The filtered audit trail oldest first, read as it is written out (an export: nothing held whole in memory).</summary>
[PlatformWide]
[RequiresRole(Permissions.Audit)]
public sealed record ExportAuditEventsQuery(AuditFilter Filter) : IQuery<IAsyncEnumerable<AuditEvent>>;

public sealed class ExportAuditEventsQueryHandler(IPlatformDbContext db) : IQueryHandler<ExportAuditEventsQuery, IAsyncEnumerable<AuditEvent>>
{
    public ValueTask<IAsyncEnumerable<AuditEvent>> Handle(ExportAuditEventsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(query.Filter.Apply(db.AuditEvents.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable());
}
