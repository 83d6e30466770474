using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>Issues short-lived HS256 JWTs for local users: subject, name and one role claim per role.</summary>
internal sealed class JwtBearerTokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider clock) : IBearerTokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedBearerToken Issue(User user)
    {
        var auth = options.Value;
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromMinutes(auth.TokenLifetimeMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Name, user.UserName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(user.Roles.Split().Select(r => new Claim(PlatformClaims.Role, r.ToString())));
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedBearerToken(token, (int)lifetime.TotalSeconds);
    }
}
