namespace Platform.Application.Governance.Queries.GetStageHistory;

/// <summary>A model's stage history (optionally one version's), newest first. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetStageHistoryQuery(string Model, int? Version, int? Limit, string? Cursor) : IQuery<Page<StageTransitionDto>>;

public sealed class GetStageHistoryQueryValidator : AbstractValidator<GetStageHistoryQuery>
{
    public GetStageHistoryQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class GetStageHistoryQueryHandler(IPlatformDbContext db) : IQueryHandler<GetStageHistoryQuery, Page<StageTransitionDto>>
{
    private sealed record Position(long Sequence);

    public async ValueTask<Page<StageTransitionDto>> Handle(GetStageHistoryQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var model = await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(m => m.Name == query.Model, cancellationToken)
            ?? throw new NotFoundException("Model", query.Model);
        var rows = db.StageTransitions.AsNoTracking().Where(t => t.ModelId == model.Id)
            .Join(db.ModelVersions, t => t.ModelVersionId, v => v.Id, (t, v) => new { t, v.Number });
        if (query.Version is { } number)
        {
            rows = rows.Where(r => r.Number == number);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rows = rows.Where(r => r.t.Sequence < after.Sequence);
        }

        var page = await rows.OrderByDescending(r => r.t.Sequence).ReadPageAsync(limit, r => new Position(r.t.Sequence), cancellationToken);
        return page.Select(r => new StageTransitionDto(model.Name, r.Number, r.t.From, r.t.To, r.t.Actor, r.t.Reason, r.t.PromotionRequestId, r.t.At));
    }
}
