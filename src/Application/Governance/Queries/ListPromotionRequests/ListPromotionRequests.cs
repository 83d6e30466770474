using Platform.Domain.Governance;

namespace Platform.Application.Governance.Queries.ListPromotionRequests;

/// <summary>
/// Promotion requests, newest first, filtered by status (Pending leaves out expired ones; Expired lists only them) and
/// model. Paged. The approvals inbox is <c>status=Pending</c>.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record ListPromotionRequestsQuery(PromotionStatus? Status, string? Model, int? Limit, string? Cursor) : IQuery<Page<PromotionRequestDto>>;

public sealed class ListPromotionRequestsQueryValidator : AbstractValidator<ListPromotionRequestsQuery>
{
    public ListPromotionRequestsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListPromotionRequestsQueryHandler(IPlatformDbContext db, TimeProvider clock)
    : IQueryHandler<ListPromotionRequestsQuery, Page<PromotionRequestDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<PromotionRequestDto>> Handle(ListPromotionRequestsQuery query, CancellationToken cancellationToken)
    {
        var (now, limit) = (clock.GetUtcNow(), PageLimits.Resolve(query.Limit));
        var requests = db.PromotionRequests.AsNoTracking().Include(r => r.Decisions).AsQueryable();
        requests = query.Status switch
        {
            null => requests,
            PromotionStatus.Pending => requests.Where(r => r.Status == PromotionStatus.Pending && r.ExpiresAt > now),
            PromotionStatus.Expired => requests.Where(r => r.Status == PromotionStatus.Pending && r.ExpiresAt <= now),
            var status => requests.Where(r => r.Status == status),
        };
        if (query.Model is { } name)
        {
            requests = requests.Where(r => db.RegisteredModels.Any(m => m.Id == r.ModelId && m.Name == name));
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            requests = requests.Where(r => r.Id.CompareTo(after.Id) < 0);
        }

        var page = await requests.OrderByDescending(r => r.Id).ReadPageAsync(limit, r => new Position(r.Id), cancellationToken);
        var versionIds = page.Rows.Select(r => r.ModelVersionId).Distinct().ToList();
        var names = await db.ModelVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Join(db.RegisteredModels, v => v.ModelId, m => m.Id, (v, m) => new { v.Id, m.Name, v.Number })
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        return page.Select(r => PromotionRequestDto.From(r, names[r.ModelVersionId].Name, names[r.ModelVersionId].Number, now));
    }
}
