using Platform.Domain.Common;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Fleet;

/// <summary>
/// A device of a workspace's fleet: its name, labels and credential (the public half of a P-256 key it made itself,
/// by its RFC 7638 thumbprint; docs/decisions/ADR-008). The credential version grows with every rotation or
/// revocation, so tokens issued for an older one stop working at once.
/// </summary>
public sealed class Device : IWorkspaceOwned
{
    private Device()
    {
        Name = string.Empty;
        LabelsJson = "{}";
        PublicKeyJwk = string.Empty;
        KeyThumbprint = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The labels as a JSON object, keys ordered.</summary>
    public string LabelsJson { get; private set; }

    public DeviceState State { get; private set; }

    /// <summary>The public key as a JWK (<c>{"kty":"EC","crv":"P-256","x":…,"y":…}</c>); empty once revoked.</summary>
    public string PublicKeyJwk { get; private set; }

    public string KeyThumbprint { get; private set; }

    public int CredentialVersion { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? LastSeenAt { get; private set; }

    /// <summary>Whether its calls are taken: not suspended, not decommissioned, with a key.</summary>
    public bool MayCall => (State is DeviceState.Provisioned or DeviceState.Active) && PublicKeyJwk.Length > 0;

    public static Device Enrol(Guid id, string name, IReadOnlyDictionary<string, string> labels, string publicKeyJwk, string thumbprint, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new DomainException("device.name", "A device's name is 1-100 characters.");
        }

        return new Device
        {
            Id = id, Name = name.Trim(), LabelsJson = DeviceLabels.ToJson(labels),
            PublicKeyJwk = Required(publicKeyJwk, "publicKey"), KeyThumbprint = Required(thumbprint, "thumbprint"), CredentialVersion = 1, EnrolledAt = now,
        };
    }

    public IReadOnlyDictionary<string, string> Labels =>
        DeviceLabels.FromJson(LabelsJson);

    /// <summary>It called: a Provisioned device becomes Active.</summary>
    public void Seen(DateTimeOffset now)
    {
        Refuse(DeviceState.Suspended, DeviceState.Decommissioned);
        (State, LastSeenAt) = (DeviceState.Active, now);
    }

    /// <summary>Refused until resumed; tokens issued before stop working at once.</summary>
    public void Suspend()
    {
        Refuse(DeviceState.Decommissioned);
        (State, CredentialVersion) = (DeviceState.Suspended, CredentialVersion + 1);
    }

    public void Resume()
    {
        if (State != DeviceState.Suspended)
        {
            throw new DomainException("device.state", $"Only a suspended device resumes; this one is {State}.");
        }

        State = LastSeenAt is null ? DeviceState.Provisioned : DeviceState.Active;
    }

    /// <summary>Gone for good: refused from now on, its record and trail kept.</summary>
    public void Decommission() => (State, PublicKeyJwk, CredentialVersion) = (DeviceState.Decommissioned, "", CredentialVersion + 1);

    /// <summary>A new key, proven by the old one (the caller checks the proof); older tokens stop working.</summary>
    public void RotateKey(string publicKeyJwk, string thumbprint)
    {
        Refuse(DeviceState.Suspended, DeviceState.Decommissioned);
        (PublicKeyJwk, KeyThumbprint, CredentialVersion) = (Required(publicKeyJwk, "publicKey"), Required(thumbprint, "thumbprint"), CredentialVersion + 1);
    }

    /// <summary>The credential withdrawn: the device is refused until it enrols again.</summary>
    public void RevokeCredential() => (PublicKeyJwk, CredentialVersion) = ("", CredentialVersion + 1);

    public void Relabel(IReadOnlyDictionary<string, string> labels) =>
        LabelsJson = DeviceLabels.ToJson(labels);

    private void Refuse(params DeviceState[] states)
    {
        if (states.Contains(State))
        {
            throw new DomainException("device.state", $"The device is {State}.");
        }
    }

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"device.{field}", $"A device's {field} is required.") : value;
}
