using Platform.Domain.Common;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Fleet;

/// <summary>
/// A one-time enrolment token an Operator makes for a device to present once (stored as its SHA-256, shown once):
/// expiring, optionally binding the labels the device gets. The same device repeating its enrolment (same key) is
/// answered the device it became, so a lost answer is safe to retry; any other second use is refused.
/// </summary>
public sealed class EnrolmentToken : IWorkspaceOwned
{
    public const int MaxNameLength = 100;

    private EnrolmentToken()
    {
        TokenHash = string.Empty;
        LabelsJson = "{}";
        CreatedBy = string.Empty;
        Name = string.Empty;
        Prefix = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    /// <summary>What it is for ("plant 7 gateways"), so a list of tokens can be read.</summary>
    public string Name { get; private set; }

    public string TokenHash { get; private set; }

    /// <summary>The secret's first characters, to recognise it by.</summary>
    public string Prefix { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Labels the enrolled device gets (over what it asks for itself), as a JSON object.</summary>
    public string LabelsJson { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? DeviceId { get; private set; }

    public string? KeyThumbprint { get; private set; }

    public static EnrolmentToken Create(string tokenHash, IReadOnlyDictionary<string, string> labels, DateTimeOffset expiresAt, string createdBy, DateTimeOffset now) =>
        Create("enrolment", tokenHash, "", labels, expiresAt, createdBy, now);

    public static EnrolmentToken Create(
        string name, string tokenHash, string prefix, IReadOnlyDictionary<string, string> labels, DateTimeOffset expiresAt, string createdBy, DateTimeOffset now) =>
        expiresAt <= now
            ? throw new DomainException("enrolment.expiry", "An enrolment token must expire in the future.")
            : string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? throw new DomainException("enrolment.name", $"An enrolment token's name is 1-{MaxNameLength} characters.")
            : new EnrolmentToken
            {
                Id = Guid.CreateVersion7(), Name = name.Trim(), TokenHash = tokenHash, Prefix = prefix, LabelsJson = DeviceLabels.ToJson(labels),
                ExpiresAt = expiresAt, CreatedBy = createdBy, CreatedAt = now,
            };

    /// <summary>Withdrawn before use: refused from now on (a device it enrolled stays).</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public IReadOnlyDictionary<string, string> Labels =>
        DeviceLabels.FromJson(LabelsJson);

    /// <summary>
    /// Uses the token for the device with key <paramref name="thumbprint"/>: null when it is the first use (the caller
    /// enrols <paramref name="deviceId"/>), the device it enrolled when that same key repeats it.
    /// </summary>
    /// <exception cref="DomainException">Expired, or already used by another key.</exception>
    public Guid? Use(Guid deviceId, string thumbprint, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("enrolment.revoked", "This enrolment token was revoked.");
        }

        if (UsedAt is not null)
        {
            return KeyThumbprint == thumbprint ? DeviceId : throw new DomainException("enrolment.used", "This enrolment token was used already.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException("enrolment.expired", $"This enrolment token expired at {ExpiresAt:u}.");
        }

        (UsedAt, DeviceId, KeyThumbprint) = (now, deviceId, thumbprint);
        return null;
    }
}
