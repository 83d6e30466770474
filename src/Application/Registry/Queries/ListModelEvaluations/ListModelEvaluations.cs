namespace Platform.Application.Registry.Queries.ListModelEvaluations;

/// <summary>A version's evaluation reports, newest first; optionally on one dataset version and split. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelEvaluationsQuery(
    string Model, int Version, string? Dataset, int? DatasetVersion, string? Split, bool WithReport, int? Limit, string? Cursor)
    : IQuery<Page<ModelEvaluationDto>>;

public sealed class ListModelEvaluationsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelEvaluationsQuery, Page<ModelEvaluationDto>>
{
    private sealed record Position(DateTimeOffset CreatedAt, Guid Id);

    public async ValueTask<Page<ModelEvaluationDto>> Handle(ListModelEvaluationsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        var evaluations = db.ModelEvaluations.AsNoTracking().Where(e => e.ModelVersionId == version.Id);
        evaluations = query.Dataset is null ? evaluations : evaluations.Where(e => e.DatasetName == query.Dataset);
        evaluations = query.DatasetVersion is null ? evaluations : evaluations.Where(e => e.DatasetVersion == query.DatasetVersion);
        evaluations = query.Split is null ? evaluations : evaluations.Where(e => e.Split == query.Split);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            evaluations = evaluations.Where(e => e.CreatedAt < after.CreatedAt || (e.CreatedAt == after.CreatedAt && e.Id.CompareTo(after.Id) < 0));
        }

        var page = await evaluations.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .ReadPageAsync(limit, e => new Position(e.CreatedAt, e.Id), cancellationToken);
        return page.Select(e => ModelEvaluationDto.From(model.Name, version.Number, e, query.WithReport));
    }
}

public sealed class ListModelEvaluationsQueryValidator : AbstractValidator<ListModelEvaluationsQuery>
{
    public ListModelEvaluationsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}
