namespace Platform.Application.Jobs.Queries.GetJobLogs;

/// <summary>
/// A job's log lines in order, a page at a time (up to 1,000 lines a page); or, with <see cref="Tail"/>, only its last
/// lines (still in order), for a page that shows the end and then follows the live lines.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record GetJobLogsQuery(Guid JobId, int? Limit, string? Cursor, int? Tail = null) : IQuery<Page<JobLogLineDto>>;

public sealed class GetJobLogsQueryHandler(IPlatformDbContext db, ICurrentUser currentUser) : IQueryHandler<GetJobLogsQuery, Page<JobLogLineDto>>
{
    private sealed record Position(int Sequence);

    public async ValueTask<Page<JobLogLineDto>> Handle(GetJobLogsQuery query, CancellationToken cancellationToken)
    {
        await db.LoadVisibleJobAsync(currentUser, query.JobId, cancellationToken);
        var limit = Math.Clamp(query.Limit ?? 1000, 1, 1000);
        var lines = db.JobLogLines.AsNoTracking().Where(l => l.JobId == query.JobId);
        if (query.Tail is { } tail)
        {
            var last = await lines.OrderByDescending(l => l.Sequence).Take(tail).Select(l => new JobLogLineDto(l.Sequence, l.At, l.Text)).ToListAsync(cancellationToken);
            last.Reverse();
            return new Page<JobLogLineDto>(last, null);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            lines = lines.Where(l => l.Sequence > after.Sequence);
        }

        var page = await lines.OrderBy(l => l.Sequence).Select(l => new JobLogLineDto(l.Sequence, l.At, l.Text))
            .ReadPageAsync(limit, l => new Position(l.Sequence), cancellationToken);
        return page.Select(l => l);
    }
}

public sealed class GetJobLogsQueryValidator : AbstractValidator<GetJobLogsQuery>
{
    public GetJobLogsQueryValidator()
    {
        RuleFor(q => q.Tail).InclusiveBetween(1, 1000).WithMessage("must be 1 to 1000 lines");
        RuleFor(q => q.Cursor).Null().When(q => q.Tail is not null).WithMessage("cannot be combined with tail (the tail is the log's end)");
    }
}
