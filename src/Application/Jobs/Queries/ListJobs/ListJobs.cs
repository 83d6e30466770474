using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Queries.ListJobs;

/// <summary>The jobs the caller may see, newest first, filtered by state, kind and run (a run's training job, for its page).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListJobsQuery(JobState? State, JobKind? Kind, int? Limit, string? Cursor, Guid? RunId = null) : IQuery<Page<JobDto>>;

public sealed class ListJobsQueryHandler(IPlatformDbContext db, ICurrentUser currentUser) : IQueryHandler<ListJobsQuery, Page<JobDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<JobDto>> Handle(ListJobsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var jobs = db.Jobs.AsNoTracking().VisibleTo(currentUser);
        if (query.State is { } state)
        {
            jobs = jobs.Where(j => j.State == state);
        }

        if (query.Kind is { } kind)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }

        if (query.RunId is { } runId)
        {
            jobs = jobs.Where(j => j.RunId == runId);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            jobs = jobs.Where(j => j.Id.CompareTo(after.Id) < 0);
        }

        var page = await jobs.OrderByDescending(j => j.Id).ReadPageAsync(limit, j => new Position(j.Id), cancellationToken);
        return page.Select(JobDto.From);
    }
}

public sealed class ListJobsQueryValidator : AbstractValidator<ListJobsQuery>
{
    public ListJobsQueryValidator()
    {
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit).ValidPageLimit();
    }
}
