namespace Platform.Application.Users.Queries.ListUsers;

[PlatformWide]
[RequiresRole(Permissions.Administer)]
public sealed record ListUsersQuery(int? Limit, string? Cursor) : IQuery<Page<UserDto>>;

public sealed class ListUsersQueryHandler(IPlatformDbContext db) : IQueryHandler<ListUsersQuery, Page<UserDto>>
{
    private sealed record Position(string Name);

    public async ValueTask<Page<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var users = db.Users.AsNoTracking();
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            users = users.Where(u => string.Compare(u.NormalizedUserName, after.Name) > 0);
        }

        var rows = await users.OrderBy(u => u.NormalizedUserName)
            .Select(u => new { u.NormalizedUserName, Row = new UserDto.UserRow(u.Id, u.UserName, u.Roles, u.IsDisabled, u.CreatedAt) })
            .ReadPageAsync(limit, r => new Position(r.NormalizedUserName), cancellationToken);
        return rows.Select(r => r.Row.ToDto());
    }
}
