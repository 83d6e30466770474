namespace Platform.Application.Governance.Queries.GetPromotionRequest;

[RequiresRole(Permissions.Read)]
public sealed record GetPromotionRequestQuery(Guid RequestId) : IQuery<PromotionRequestDto>;

public sealed class GetPromotionRequestQueryHandler(IPlatformDbContext db, TimeProvider clock) : IQueryHandler<GetPromotionRequestQuery, PromotionRequestDto>
{
    public async ValueTask<PromotionRequestDto> Handle(GetPromotionRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await db.PromotionRequests.AsNoTracking().Include(r => r.Decisions).SingleOrDefaultAsync(r => r.Id == query.RequestId, cancellationToken)
            ?? throw new NotFoundException("Promotion request", query.RequestId.ToString());
        var version = await db.ModelVersions.AsNoTracking().Where(v => v.Id == request.ModelVersionId)
            .Join(db.RegisteredModels, v => v.ModelId, m => m.Id, (v, m) => new { m.Name, v.Number }).SingleAsync(cancellationToken);
        return PromotionRequestDto.From(request, version.Name, version.Number, clock.GetUtcNow());
    }
}
