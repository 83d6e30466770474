using Platform.Domain.Identity;

namespace Platform.Application.Common.Interfaces;

/// <summary>Who is calling: a user signed in with a password, an external identity, or a personal access token.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The local user's id; null for an external identity with no local account.</summary>
    Guid? UserId { get; }

    /// <summary>The name recorded as actor (created by, audit).</summary>
    string Name { get; }

    Role Roles { get; }

    /// <summary>The personal access token used, if any.</summary>
    Guid? AccessTokenId { get; }
}
