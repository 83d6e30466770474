namespace Platform.Application.AccessTokens.Queries.ListAccessTokens;

/// <summary>The caller's own tokens, newest first (never their secrets).</summary>
[PlatformWide]
[RequiresRole(Permissions.AnySignedIn)]
public sealed record ListAccessTokensQuery(int? Limit, string? Cursor) : IQuery<Page<AccessTokenDto>>;

public sealed class ListAccessTokensQueryHandler(IPlatformDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListAccessTokensQuery, Page<AccessTokenDto>>
{
    private sealed record Position(DateTimeOffset CreatedAt, Guid Id);

    public async ValueTask<Page<AccessTokenDto>> Handle(ListAccessTokensQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var tokens = db.AccessTokens.AsNoTracking().Where(t => t.UserId == currentUser.UserId);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            tokens = tokens.Where(t => t.CreatedAt < after.CreatedAt || (t.CreatedAt == after.CreatedAt && t.Id.CompareTo(after.Id) < 0));
        }

        var page = await tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ReadPageAsync(limit, t => new Position(t.CreatedAt, t.Id), cancellationToken);
        var names = await AccessTokenDto.WorkspaceNamesAsync(db, page.Rows, cancellationToken);
        return page.Select(t => AccessTokenDto.From(t, names));
    }
}
