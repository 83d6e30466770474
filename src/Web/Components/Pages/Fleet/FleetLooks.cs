using System.Globalization;
using MudBlazor;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>How the fleet pages colour and word states and figures, in one place so that every page says them alike.</summary>
public static class FleetLooks
{
    public static Color DeviceState(string state) => state switch
    {
        "Active" => Color.Success,
        "Provisioned" => Color.Info,
        "Suspended" => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>A model version's state on a device, or a device's status in a rollout.</summary>
    public static Color Progress(string status) => status switch
    {
        "Healthy" or "Completed" => Color.Success,
        "Failed" or "RolledBack" or "Aborted" or "Rejected" => Color.Error,
        "RollingBack" or "Paused" or "AwaitingApproval" => Color.Warning,
        "Downloading" or "Applied" or "Assigned" or "Running" => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The colour of a wave's segment in the progress chart (a theme class).</summary>
    public static string Segment(string status) => status switch
    {
        "Pending" => "mud-theme-dark",
        "Assigned" => "mud-theme-secondary",
        "Downloading" => "mud-theme-info",
        "Applied" => "mud-theme-primary",
        "Healthy" => "mud-theme-success",
        "Failed" => "mud-theme-error",
        "RollingBack" => "mud-theme-warning",
        _ => "mud-theme-tertiary",
    };

    /// <summary>"Rolling back" for RollingBack: a state as a person reads it.</summary>
    public static string Words(string state) => string.Concat(state.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string Ago(DateTimeOffset? at) => at is not { } t ? "never" : (DateTimeOffset.UtcNow - t) switch
    {
        var d when d < TimeSpan.FromMinutes(1) => "just now",
        var d when d < TimeSpan.FromHours(1) => $"{(int)d.TotalMinutes} min ago",
        var d when d < TimeSpan.FromDays(1) => $"{(int)d.TotalHours} h ago",
        var d => $"{(int)d.TotalDays} days ago",
    };

    /// <summary>A CSS width in percent, with a dot whatever the culture.</summary>
    public static string Width(double percent) => Math.Clamp(percent, 0, 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    public static string Milliseconds(double? ms) => ms is { } v ? $"{v:0.#} ms" : "—";

    public static string Rate(double? rate) => rate is { } r ? r.ToString("P2", CultureInfo.InvariantCulture) : "—";
}
