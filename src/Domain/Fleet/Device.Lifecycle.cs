using Platform.Domain.Common;

namespace Platform.Domain.Fleet;

/// <summary>A device's lifecycle and credential: seen, suspended, resumed, decommissioned, its key rotated or revoked, relabelled.</summary>
public sealed partial class Device
{
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
        Raise(new DeviceChanged(this, DeviceChange.Suspended));
    }

    public void Resume()
    {
        if (State != DeviceState.Suspended)
        {
            throw new DomainException("device.state", $"Only a suspended device resumes; this one is {State}.");
        }

        State = LastSeenAt is null ? DeviceState.Provisioned : DeviceState.Active;
        Raise(new DeviceChanged(this, DeviceChange.Resumed));
    }

    /// <summary>Gone for good: refused from now on, its record and trail kept.</summary>
    public void Decommission()
    {
        Refuse(DeviceState.Decommissioned);
        (State, PublicKeyJwk, CredentialVersion) = (DeviceState.Decommissioned, "", CredentialVersion + 1);
        Raise(new DeviceChanged(this, DeviceChange.Decommissioned));
    }

    /// <summary>A new key, proven by the old one (the caller checks the proof); older tokens stop working.</summary>
    public void RotateKey(string publicKeyJwk, string thumbprint)
    {
        Refuse(DeviceState.Suspended, DeviceState.Decommissioned);
        if (PublicKeyJwk.Length == 0)
        {
            throw new DomainException("device.state", "The device's credential was revoked: it enrols again.");
        }

        (PublicKeyJwk, KeyThumbprint, CredentialVersion) = (Required(publicKeyJwk, "publicKey"), Required(thumbprint, "thumbprint"), CredentialVersion + 1);
        Raise(new DeviceChanged(this, DeviceChange.KeyRotated));
    }

    /// <summary>The credential withdrawn: the device is refused until it enrols again.</summary>
    public void RevokeCredential()
    {
        if (PublicKeyJwk.Length == 0)
        {
            throw new DomainException("device.state", "The device's credential is revoked already.");
        }

        (PublicKeyJwk, CredentialVersion) = ("", CredentialVersion + 1);
        Raise(new DeviceChanged(this, DeviceChange.Revoked));
    }

    /// <summary>Its labels from now on (checked: <see cref="DeviceLabels.Problems"/>).</summary>
    public void Relabel(IReadOnlyDictionary<string, string> labels)
    {
        var checkedLabels = DeviceLabels.Checked(labels);
        _labels.RemoveAll(l => !checkedLabels.TryGetValue(l.Key, out var value) || value != l.Value);
        _labels.AddRange(checkedLabels.Where(l => !_labels.Exists(kept => kept.Key == l.Key)).Select(l => new DeviceLabel(l.Key, l.Value)));
    }

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
