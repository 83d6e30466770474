using Platform.Domain.Auditing;

namespace Platform.Application.Auditing;

/// <summary>A page of the filtered trail, newest first.</summary>
public static class AuditPages
{
    private sealed record Position(long Sequence);

    public static async Task<Page<AuditEventDto>> ReadAsync(IQueryable<AuditEvent> all, AuditFilter filter, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var events = filter.Apply(all.AsNoTracking());
        if (Cursor.Decode<Position>(cursor) is { } after)
        {
            events = events.Where(e => e.Sequence < after.Sequence);
        }

        var page = await events.OrderByDescending(e => e.Sequence).ReadPageAsync(PageLimits.Resolve(limit), e => new Position(e.Sequence), cancellationToken);
        return page.Select(AuditEventDto.From);
    }
}
