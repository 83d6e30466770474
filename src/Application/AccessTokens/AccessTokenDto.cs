namespace Platform.Application.AccessTokens;

/// <summary>A token as its owner sees it; <see cref="Workspaces"/> names the workspaces it is scoped to (null: all of the owner's).</summary>
public sealed record AccessTokenDto(
    Guid Id, Guid UserId, string Name, string Prefix, IReadOnlyList<Role> Roles,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, IReadOnlyList<string>? Workspaces)
{
    public static AccessTokenDto From(AccessToken t, IReadOnlyDictionary<Guid, string> workspaceNames) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.Roles.Split().ToArray(), t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt,
            t.Workspaces?.Select(id => workspaceNames.GetValueOrDefault(id, id.ToString())).ToList());

    /// <summary>The names of the workspaces the tokens are scoped to.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> WorkspaceNamesAsync(
        IPlatformDbContext db, IEnumerable<AccessToken> tokens, CancellationToken cancellationToken)
    {
        var ids = tokens.SelectMany(t => t.Workspaces ?? []).Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Workspaces.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
    }
}

/// <summary>The answer to creating a token: the only time its secret is shown.</summary>
public sealed record CreatedAccessTokenDto(AccessTokenDto Token, string Secret);
