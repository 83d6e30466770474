using Platform.Domain.Common;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Fleet;

/// <summary>
/// A device of a workspace's fleet: its name, labels and credential (the public half of a P-256 key it made itself,
/// by its RFC 7638 thumbprint; docs/decisions/ADR-008). The credential version grows with every rotation or
/// revocation, so tokens issued for an older one stop working at once.
/// </summary>
public sealed partial class Device : AggregateRoot, IWorkspaceOwned
{
    private readonly List<DeviceLabel> _labels = [];

    public const int MaxNameLength = 100;

    /// <summary>The most a reported inventory may hold, as JSON.</summary>
    public const int MaxInventoryLength = 4000;

    private Device()
    {
        Name = string.Empty;
        PublicKeyJwk = string.Empty;
        KeyThumbprint = string.Empty;
        InventoryJson = "{}";
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The labels, one row each (so that selectors are answered by the database's indexes).</summary>
    public IReadOnlyList<DeviceLabel> LabelRows => _labels;

    public DeviceState State { get; private set; }

    /// <summary>The public key as a JWK (<c>{"kty":"EC","crv":"P-256","x":…,"y":…}</c>); empty once revoked.</summary>
    public string PublicKeyJwk { get; private set; }

    public string KeyThumbprint { get; private set; }

    public int CredentialVersion { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? LastSeenAt { get; private set; }

    /// <summary>What the device said it is (OS, architecture, CPU, memory, accelerator, ONNX Runtime and its execution providers, agent), as JSON.</summary>
    public string InventoryJson { get; private set; }

    /// <summary>Grows whenever what the device should run changes: its desired state's ETag.</summary>
    public int DesiredRevision { get; private set; }

    /// <summary>The sequence of the last report taken, and that report (as JSON).</summary>
    public long ReportSequence { get; private set; }

    public string? ReportJson { get; private set; }

    /// <summary>The enrolment token it enrolled with.</summary>
    public Guid EnrolmentTokenId { get; private set; }

    /// <summary>Whether its calls are taken: not suspended, not decommissioned, with a key.</summary>
    public bool MayCall => (State is DeviceState.Provisioned or DeviceState.Active) && PublicKeyJwk.Length > 0;

    public static Device Enrol(Guid id, string name, IReadOnlyDictionary<string, string> labels, string publicKeyJwk, string thumbprint, DateTimeOffset now) =>
        Enrol(id, name, labels, publicKeyJwk, thumbprint, "{}", Guid.Empty, now);

    /// <summary>A device enrolled with <paramref name="enrolmentTokenId"/>; raises <see cref="DeviceChanged"/> (Enrolled).</summary>
    public static Device Enrol(
        Guid id, string name, IReadOnlyDictionary<string, string> labels, string publicKeyJwk, string thumbprint, string inventoryJson, Guid enrolmentTokenId,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new DomainException("device.name", $"A device's name is 1-{MaxNameLength} characters.");
        }

        var device = new Device
        {
            Id = id, Name = name.Trim(), EnrolmentTokenId = enrolmentTokenId,
            PublicKeyJwk = Required(publicKeyJwk, "publicKey"), KeyThumbprint = Required(thumbprint, "thumbprint"), CredentialVersion = 1, EnrolledAt = now,
        };
        device.Relabel(labels);
        device.Report(inventoryJson);
        device.Raise(new DeviceChanged(device, DeviceChange.Enrolled));
        return device;
    }

    /// <summary>What it should run changed (an assignment set or set back).</summary>
    public void Desire() => DesiredRevision++;

    /// <summary>
    /// Takes a report unless one with the same or a later sequence was taken (a repeat or a late one): returns whether it
    /// was. A report that says what the last one said is not written (its sequence either) unless the device was last
    /// seen a minute ago or more, so that a quiet fleet's reports cost reads, not writes; a later report still wins.
    /// </summary>
    public bool TakeReport(long sequence, string reportJson, DateTimeOffset now)
    {
        if (sequence <= ReportSequence || (reportJson == ReportJson && LastSeenAt > now.AddMinutes(-1) && State == DeviceState.Active))
        {
            return false;
        }

        (ReportSequence, ReportJson, LastSeenAt) = (sequence, reportJson, now);
        if (State == DeviceState.Provisioned)
        {
            State = DeviceState.Active;
        }

        return true;
    }

    /// <summary>What the device says it is now.</summary>
    public void Report(string inventoryJson) =>
        InventoryJson = inventoryJson.Length <= MaxInventoryLength
            ? inventoryJson
            : throw new DomainException("device.inventory", $"A device's inventory is at most {MaxInventoryLength} characters of JSON.");

    /// <summary>The labels by key, ordered.</summary>
    public IReadOnlyDictionary<string, string> Labels => new SortedDictionary<string, string>(_labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
}

/// <summary>One label of a device (<c>region=eu-west</c>).</summary>
public sealed record DeviceLabel(string Key, string Value);
