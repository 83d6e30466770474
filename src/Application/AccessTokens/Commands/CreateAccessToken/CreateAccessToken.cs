namespace Platform.Application.AccessTokens.Commands.CreateAccessToken;

/// <summary>
/// Creates a personal access token for the caller, scoped to some of the caller's roles and, when it names them, to
/// some of the workspaces the caller belongs to (it finds no other workspace; none named: all of the caller's).
/// </summary>
[PlatformWide]
[RequiresRole(Permissions.AnySignedIn)]
public sealed record CreateAccessTokenCommand(string Name, IReadOnlyList<Role> Roles, int? ExpiresInDays, IReadOnlyList<string>? Workspaces = null)
    : ICommand<CreatedAccessTokenDto>;

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

        var workspaces = command.Workspaces is { } names ? await MembershipsAsync(userId, names, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var secret = AccessTokenSecret.Generate();
        var token = AccessToken.Issue(
            userId, currentUser.Roles, command.Name, AccessTokenSecret.Hash(secret), AccessTokenSecret.PrefixOf(secret),
            requested, now, now.AddDays(command.ExpiresInDays ?? DefaultExpiryDays), workspaces?.Keys);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessTokenDto(AccessTokenDto.From(token, workspaces ?? []), secret);
    }

    /// <summary>The named workspaces, each one the caller belongs to; any other is 404, as it is everywhere else.</summary>
    private async Task<Dictionary<Guid, string>> MembershipsAsync(Guid userId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var found = await db.Workspaces.AsNoTracking()
            .Where(w => names.Contains(w.Name) && db.WorkspaceMembers.Any(m => m.WorkspaceId == w.Id && m.UserId == userId))
            .ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        return names.FirstOrDefault(n => !found.ContainsValue(n)) is { } missing ? throw new NotFoundException("Workspace", missing) : found;
    }
}
