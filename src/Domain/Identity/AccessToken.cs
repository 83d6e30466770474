using Platform.Domain.Common;

namespace Platform.Domain.Identity;

/// <summary>
/// A personal access token for integrations. The secret is shown once at creation; only its SHA-256 is kept.
/// Scoped to a subset of its owner's roles, expiring and revocable.
/// </summary>
public sealed class AccessToken
{
    public const int MaxNameLength = 100;

    private AccessToken()
    {
        Name = string.Empty;
        TokenHash = string.Empty;
        Prefix = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    public string TokenHash { get; private set; }

    /// <summary>The first characters of the secret, enough for a person to tell tokens apart, too few to use.</summary>
    public string Prefix { get; private set; }

    public Role Roles { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>The workspaces it works in, comma-separated ids; null: every workspace its owner belongs to.</summary>
    public string? WorkspaceIds { get; private set; }

    /// <summary>The workspaces it is scoped to, or null for every workspace its owner belongs to.</summary>
    public IReadOnlyList<Guid>? Workspaces => WorkspaceIds?.Split(',').Select(Guid.Parse).ToList();

    public const int MaxWorkspaces = 20;

    public static AccessToken Issue(
        Guid userId, Role ownerRoles, string name, string tokenHash, string prefix, Role roles, DateTimeOffset now, DateTimeOffset expiresAt,
        IReadOnlyCollection<Guid>? workspaces = null)
    {
        if (workspaces is { Count: 0 or > MaxWorkspaces })
        {
            throw new DomainException("token.workspaces", $"A token scoped to workspaces names 1 to {MaxWorkspaces} of them; leave them out for all of yours.");
        }

        if (roles == Role.None)
        {
            throw new DomainException("token.no-roles", "A token needs at least one role.");
        }

        if (!ownerRoles.HasFlag(Role.Admin) && (roles & ~ownerRoles) != Role.None)
        {
            throw new DomainException("token.roles-exceed-owner", $"A token cannot hold roles its owner lacks ({roles & ~ownerRoles}).");
        }

        if (expiresAt <= now)
        {
            throw new DomainException("token.expiry-in-past", "A token must expire in the future.");
        }

        return new AccessToken
        {
            Id = Ids.New(),
            UserId = userId,
            Name = name.Trim(),
            TokenHash = tokenHash,
            Prefix = prefix,
            Roles = roles,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            WorkspaceIds = workspaces is null ? null : string.Join(',', workspaces.Distinct()),
        };
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
    }

    public void MarkUsed(DateTimeOffset now)
    {
        LastUsedAt = now;
    }
}
