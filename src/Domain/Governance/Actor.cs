namespace Platform.Domain.Governance;

/// <summary>Who acts: the local user's id when there is one, and the name recorded.</summary>
public sealed record Actor(Guid? UserId, string Name);
