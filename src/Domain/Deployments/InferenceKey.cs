using Platform.Domain.Common;

namespace Platform.Domain.Deployments;

/// <summary>
/// A key callers of a deployment's endpoint send as <c>Authorization: Bearer psk_…</c>. The key is shown once when
/// made; only its SHA-256 (lower-case hex) and its first characters are kept. Revocable.
/// </summary>
public sealed class InferenceKey
{
    public const int MaxNameLength = 100;

    private InferenceKey()
    {
        Name = string.Empty;
        KeyHash = string.Empty;
        Prefix = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid DeploymentId { get; private set; }
    public string Name { get; private set; }
    public string KeyHash { get; private set; }
    public string Prefix { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static InferenceKey Issue(Deployment deployment, string name, string keyHash, string prefix, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new DomainException("deployment.key-name", $"A key needs a name of 1 to {MaxNameLength} characters.");
        }

        deployment.KeysChanged(now);
        return new InferenceKey
        {
            Id = Ids.New(),
            DeploymentId = deployment.Id,
            Name = name.Trim(),
            KeyHash = keyHash,
            Prefix = prefix,
            CreatedBy = actor,
            CreatedAt = now,
        };
    }

    /// <returns>False when it was revoked already.</returns>
    public bool Revoke(Deployment deployment, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        deployment.KeysChanged(now);
        return true;
    }
}
