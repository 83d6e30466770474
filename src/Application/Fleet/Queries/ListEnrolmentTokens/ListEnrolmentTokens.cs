namespace Platform.Application.Fleet.Queries.ListEnrolmentTokens;

/// <summary>The workspace's enrolment tokens, newest first (paged): never their secrets.</summary>
[RequiresRole(Role.Operator)]
public sealed record ListEnrolmentTokensQuery(int? Limit, string? Cursor) : IQuery<Page<EnrolmentTokenDto>>;

public sealed class ListEnrolmentTokensQueryValidator : AbstractValidator<ListEnrolmentTokensQuery>
{
    public ListEnrolmentTokensQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListEnrolmentTokensQueryHandler(IPlatformDbContext db, TimeProvider clock) : IQueryHandler<ListEnrolmentTokensQuery, Page<EnrolmentTokenDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<EnrolmentTokenDto>> Handle(ListEnrolmentTokensQuery query, CancellationToken cancellationToken)
    {
        var tokens = db.EnrolmentTokens.AsNoTracking();
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            tokens = tokens.Where(t => t.Id.CompareTo(after.Id) < 0);
        }

        var page = await tokens.OrderByDescending(t => t.Id).ReadPageAsync(PageLimits.Resolve(query.Limit), t => new Position(t.Id), cancellationToken);
        var now = clock.GetUtcNow();
        return page.Select(t => EnrolmentTokenDto.From(t, now));
    }
}
