namespace Platform.Application.Experiments.Queries.GetExperiment;

[RequiresRole(Permissions.Read)]
public sealed record GetExperimentQuery(Guid Id) : IQuery<ExperimentDto>;

public sealed class GetExperimentQueryHandler(IPlatformDbContext db) : IQueryHandler<GetExperimentQuery, ExperimentDto>
{
    public async ValueTask<ExperimentDto> Handle(GetExperimentQuery query, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Experiment", query.Id);
        return ExperimentDto.From(experiment);
    }
}
