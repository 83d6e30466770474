using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;

namespace Platform.Application.Jobs.Queries.GetJobLogs;

/// <summary>A job's log lines in order, a page at a time (up to 1,000 lines a page).</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetJobLogsQuery(Guid JobId, int? Limit, string? Cursor) : IQuery<Page<JobLogLineDto>>;

public sealed class GetJobLogsQueryHandler(IPlatformDbContext db, ICurrentUser currentUser) : IQueryHandler<GetJobLogsQuery, Page<JobLogLineDto>>
{
    private sealed record Position(int Sequence);

    public async ValueTask<Page<JobLogLineDto>> Handle(GetJobLogsQuery query, CancellationToken cancellationToken)
    {
        await db.LoadVisibleJobAsync(currentUser, query.JobId, cancellationToken);
        var limit = Math.Clamp(query.Limit ?? 1000, 1, 1000);
        var lines = db.JobLogLines.AsNoTracking().Where(l => l.JobId == query.JobId);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            lines = lines.Where(l => l.Sequence > after.Sequence);
        }

        var page = await lines.OrderBy(l => l.Sequence).Take(limit + 1).Select(l => new JobLogLineDto(l.Sequence, l.At, l.Text)).ToListAsync(cancellationToken);
        var next = page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].Sequence)) : null;
        return new Page<JobLogLineDto>(page.Take(limit).ToList(), next);
    }
}
