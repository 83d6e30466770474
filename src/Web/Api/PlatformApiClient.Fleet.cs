using System.Globalization;

namespace Platform.Web.Api;

/// <summary>The fleet pages' calls: the summary, devices and what Operators do to them, and enrolment tokens (all inside the current workspace).</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>The fleet in counts, of the devices <paramref name="selector"/> picks, grouped by the label <paramref name="groupBy"/> (region unless told).</summary>
    public Task<FleetSummaryInfo> FleetSummaryAsync(string? selector, string? groupBy, CancellationToken ct = default) =>
        GetAsync<FleetSummaryInfo>($"api/v1/fleet/summary?groupBy={Uri.EscapeDataString(string.IsNullOrWhiteSpace(groupBy) ? "region" : groupBy.Trim())}{Query("selector", selector)}", ct);

    /// <summary>Devices by name (paged), as <paramref name="filter"/> picks them; a bad selector is a 400 naming <c>selector</c>.</summary>
    public Task<Page<DeviceInfo>> DevicesAsync(DeviceFilter filter, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<DeviceInfo>>(
            $"api/v1/fleet/devices?limit={limit}{Query("selector", filter.Selector)}{Query("state", filter.State)}{Query("model", filter.Model)}"
            + $"{Query("version", filter.Version?.ToString(CultureInfo.InvariantCulture))}{Cursor(cursor)}", ct);

    /// <summary>One device with what it reports per model, what it should run and the rollouts that reached it.</summary>
    public Task<DeviceInfo> DeviceAsync(Guid id, CancellationToken ct = default) => GetAsync<DeviceInfo>($"api/v1/fleet/devices/{id}", ct);

    /// <summary>Replaces the device's labels (Operator); a bad one is a 400 naming <c>labels[key]</c>.</summary>
    public Task<DeviceInfo> RelabelDeviceAsync(Guid id, IReadOnlyDictionary<string, string> labels, CancellationToken ct = default) =>
        SendJsonAsync<DeviceInfo>(HttpMethod.Put, $"api/v1/fleet/devices/{id}/labels", new { labels }, ct);

    /// <summary>Suspends, resumes, decommissions a device or revokes its key (Operator): <paramref name="action"/> is the path's last segment.</summary>
    public Task<DeviceInfo> ActOnDeviceAsync(Guid id, DeviceAction action, CancellationToken ct = default) =>
        PostAsync<DeviceInfo>($"api/v1/fleet/devices/{id}/{action.Path}", new { }, ct);

    public Task<Page<EnrolmentTokenInfo>> EnrolmentTokensAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<EnrolmentTokenInfo>>($"api/v1/fleet/enrolment-tokens?limit={limit}{Cursor(cursor)}", ct);

    /// <summary>A one-time token for one device (Operator), binding <paramref name="labels"/>; its secret is in this answer only.</summary>
    public Task<CreatedEnrolmentToken> CreateEnrolmentTokenAsync(string name, IReadOnlyDictionary<string, string> labels, int expiresInHours, CancellationToken ct = default) =>
        PostAsync<CreatedEnrolmentToken>("api/v1/fleet/enrolment-tokens", new { name, labels, expiresInHours }, ct);

    public Task<EnrolmentTokenInfo> RevokeEnrolmentTokenAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<EnrolmentTokenInfo>(HttpMethod.Delete, $"api/v1/fleet/enrolment-tokens/{id}", null, ct);
}

/// <summary>What an Operator may do to a device, with the words the confirmation uses.</summary>
public sealed record DeviceAction(string Path, string Label, string Consequence)
{
    public static readonly DeviceAction Suspend = new("suspend", "Suspend", "Its next call is refused and its tokens stop at once, until it is resumed.");
    public static readonly DeviceAction Resume = new("resume", "Resume", "It may call the platform again and gets its desired state.");
    public static readonly DeviceAction Decommission = new("decommission", "Decommission", "It is refused for good; its record and audit trail stay. This cannot be undone.");
    public static readonly DeviceAction Revoke = new("revoke", "Revoke key", "Its key stops working at once; it is refused until it enrols again with a new token.");
}
