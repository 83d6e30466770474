namespace Platform.Application.AccessTokens.Commands.RevokeAccessToken;

/// <summary>Revokes a token at once. Its owner or an Admin may; to anyone else the token does not exist.</summary>
[PlatformWide]
[RequiresRole(Permissions.AnySignedIn)]
public sealed record RevokeAccessTokenCommand(Guid Id) : ICommand<AccessTokenDto>;

public sealed class RevokeAccessTokenCommandHandler(IPlatformDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeAccessTokenCommand, AccessTokenDto>
{
    public async ValueTask<AccessTokenDto> Handle(RevokeAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens.FindAsync([command.Id], cancellationToken);
        if (token is null || (token.UserId != currentUser.UserId && !currentUser.Roles.HasFlag(Role.Admin)))
        {
            throw new NotFoundException("Access token", command.Id);
        }

        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AccessTokenDto.From(token, await AccessTokenDto.WorkspaceNamesAsync(db, [token], cancellationToken));
    }
}
