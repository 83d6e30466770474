using Platform.Domain.Common;

namespace Platform.Domain.Identity;

/// <summary>A local account: a user name, a password hash (never the password) and roles.</summary>
public sealed class User
{
    public const int MaxUserNameLength = 100;

    private User()
    {
        UserName = string.Empty;
        NormalizedUserName = string.Empty;
        PasswordHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; }
    public string NormalizedUserName { get; private set; }
    public string PasswordHash { get; private set; }
    public Role Roles { get; private set; }
    public bool IsDisabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public static User Create(string userName, string passwordHash, Role roles, DateTimeOffset now)
    {
        if (roles == Role.None)
        {
            throw new DomainException("user.no-roles", "A user needs at least one role.");
        }

        return new User
        {
            Id = Ids.New(),
            UserName = userName.Trim(),
            NormalizedUserName = Normalize(userName),
            PasswordHash = passwordHash,
            Roles = roles,
            CreatedAt = now,
            Version = 1,
        };
    }

    public void ChangeRoles(Role roles)
    {
        if (roles == Role.None)
        {
            throw new DomainException("user.no-roles", "A user needs at least one role.");
        }

        Roles = roles;
        Version++;
    }

    public void ChangePasswordHash(string passwordHash)
    {
        PasswordHash = passwordHash;
        Version++;
    }

    public void Disable()
    {
        IsDisabled = true;
        Version++;
    }

    public void Enable()
    {
        IsDisabled = false;
        Version++;
    }
}
