using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.AccessTokens;
using Platform.Domain.Identity;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer plat_…</c> by the SHA-256 of the secret. The roles in effect are the token's,
/// limited to those its owner still holds; revoked, expired and disabled-owner tokens fail.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlatformDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = BearerToken.From(Request);
        if (secret is null || !AccessTokenSecret.LooksLikeSecret(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = AccessTokenSecret.Hash(secret);
        var match = await db.AccessTokens
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (match is null || !match.Token.IsActive(now) || match.User.IsDisabled)
        {
            return AuthenticateResult.Fail("The access token is invalid, expired or revoked.");
        }

        if (match.Token.LastUsedAt is null || now - match.Token.LastUsedAt > LastUsedResolution)
        {
            match.Token.MarkUsed(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var roles = match.User.Roles.HasFlag(Role.Admin) ? match.Token.Roles : match.Token.Roles & match.User.Roles;
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, match.User.Id.ToString()),
            new(PlatformClaims.Name, match.User.UserName),
            new(PlatformClaims.AccessTokenId, match.Token.Id.ToString()),
        };
        claims.AddRange(roles.Split().Select(r => new Claim(PlatformClaims.Role, r.ToString())));
        claims.AddRange((match.Token.Workspaces ?? []).Select(w => new Claim(PlatformClaims.Workspace, w.ToString())));
        var identity = new ClaimsIdentity(claims, Scheme.Name, PlatformClaims.Name, PlatformClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
