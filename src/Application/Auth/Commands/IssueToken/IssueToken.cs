namespace Platform.Application.Auth.Commands.IssueToken;

/// <summary>Signs a local user in with a password and returns a bearer token for the API.</summary>
[AllowAnonymous]
public sealed record IssueTokenCommand(string UserName, string Password) : ICommand<IssuedBearerToken>;

public sealed class IssueTokenCommandHandler(
    IPlatformDbContext db, IPasswordHasher hasher, IBearerTokenIssuer issuer) : ICommandHandler<IssueTokenCommand, IssuedBearerToken>
{
    public async ValueTask<IssuedBearerToken> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(command.UserName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        var check = hasher.Verify(user?.PasswordHash, command.Password);
        if (user is null || user.IsDisabled || check == PasswordCheck.Failed)
        {
            throw new UnauthenticatedException("Invalid user name or password.");
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(hasher.Hash(command.Password));
            await db.SaveChangesAsync(cancellationToken);
        }

        return issuer.Issue(user);
    }
}
