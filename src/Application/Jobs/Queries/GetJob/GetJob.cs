namespace Platform.Application.Jobs.Queries.GetJob;

[RequiresRole(Permissions.Read)]
public sealed record GetJobQuery(Guid Id) : IQuery<JobDto>;

public sealed class GetJobQueryHandler(IPlatformDbContext db, ICurrentUser currentUser) : IQueryHandler<GetJobQuery, JobDto>
{
    public async ValueTask<JobDto> Handle(GetJobQuery query, CancellationToken cancellationToken) =>
        JobDto.From(await db.LoadVisibleJobAsync(currentUser, query.Id, cancellationToken));
}
