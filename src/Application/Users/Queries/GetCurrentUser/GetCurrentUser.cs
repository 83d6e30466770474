namespace Platform.Application.Users.Queries.GetCurrentUser;

/// <summary>Who the caller is, with the roles in effect for this request (a token's roles, not its owner's).</summary>
[PlatformWide]
[RequiresRole(Permissions.AnySignedIn)]
public sealed record GetCurrentUserQuery : IQuery<CurrentUserDto>;

public sealed record CurrentUserDto(Guid? Id, string Name, IReadOnlyList<Role> Roles, Guid? AccessTokenId);

public sealed class GetCurrentUserQueryHandler(ICurrentUser currentUser) : IQueryHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public ValueTask<CurrentUserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CurrentUserDto(
            currentUser.UserId, currentUser.Name, currentUser.Roles.Split().ToArray(), currentUser.AccessTokenId));
}
