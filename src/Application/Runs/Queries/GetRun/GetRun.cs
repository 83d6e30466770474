namespace Platform.Application.Runs.Queries.GetRun;

[RequiresRole(Permissions.Read)]
public sealed record GetRunQuery(Guid Id) : IQuery<RunDto>;

public sealed class GetRunQueryHandler(IPlatformDbContext db) : IQueryHandler<GetRunQuery, RunDto>
{
    public async ValueTask<RunDto> Handle(GetRunQuery query, CancellationToken cancellationToken) =>
        await db.ReadRunAsync(query.Id, cancellationToken);
}
