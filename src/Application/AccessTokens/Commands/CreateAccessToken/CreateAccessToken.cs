namespace Platform.Application.AccessTokens.Commands.CreateAccessToken;

/// <summary>Creates a personal access token for the caller, scoped to some of the caller's roles.</summary>
[PlatformWide]
[RequiresRole(Permissions.AnySignedIn)]
public sealed record CreateAccessTokenCommand(string Name, IReadOnlyList<Role> Roles, int? ExpiresInDays) : ICommand<CreatedAccessTokenDto>;

public sealed class CreateAccessTokenCommandHandler(IPlatformDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateAccessTokenCommand, CreatedAccessTokenDto>
{
    public const int DefaultExpiryDays = 90;

    public async ValueTask<CreatedAccessTokenDto> Handle(CreateAccessTokenCommand command, CancellationToken cancellationToken)
    {
        if (currentUser.AccessTokenId is not null)
        {
            throw new ForbiddenAccessException("A personal access token cannot create tokens; sign in with a password.");
        }

        if (currentUser.UserId is not { } userId)
        {
            throw new ForbiddenAccessException("Only local users can hold personal access tokens.");
        }

        var requested = command.Roles.Combine();
        if (!currentUser.Roles.HasFlag(Role.Admin) && (requested & ~currentUser.Roles) != Role.None)
        {
            throw new ForbiddenAccessException($"A token cannot hold roles its owner lacks ({requested & ~currentUser.Roles}).");
        }

        var now = clock.GetUtcNow();
        var secret = AccessTokenSecret.Generate();
        var token = AccessToken.Issue(
            userId, currentUser.Roles, command.Name, AccessTokenSecret.Hash(secret), AccessTokenSecret.PrefixOf(secret),
            requested, now, now.AddDays(command.ExpiresInDays ?? DefaultExpiryDays));
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessTokenDto(AccessTokenDto.From(token), secret);
    }
}
