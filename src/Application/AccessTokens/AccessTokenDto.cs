namespace Platform.Application.AccessTokens;

public sealed record AccessTokenDto(
    Guid Id, Guid UserId, string Name, string Prefix, IReadOnlyList<Role> Roles,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static AccessTokenDto From(AccessToken t) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.Roles.Split().ToArray(), t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}

/// <summary>The answer to creating a token: the only time its secret is shown.</summary>
public sealed record CreatedAccessTokenDto(AccessTokenDto Token, string Secret);
