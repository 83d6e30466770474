using System.Globalization;
using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Charts;

namespace Platform.Web.Components.Pages.Deployments;

/// <summary>
/// Reads the newest <see cref="MaxReports"/> monitoring reports of a deployment (one Api call, of one version when chosen) and
/// charts them per version against the end of each report's window.
/// </summary>
public partial class MonitoringHistory
{
    public const int MaxReports = 200;

    [Inject] private PlatformApiClient Api { get; set; } = null!;

    [Parameter, EditorRequired] public string Deployment { get; set; } = "";

    /// <summary>Revisions whose versions the filter offers besides those found in the reports (the active and pending ones).</summary>
    [Parameter] public IReadOnlyList<RevisionInfo?> Revisions { get; set; } = [];

    private IReadOnlyList<VersionMonitoringInfo> _reports = [];
    private readonly SortedSet<int> _seen = [];
    private string _version = "";
    private bool _loaded;
    private string? _problem;
    private IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>> _errorRate = new Dictionary<string, IReadOnlyList<ChartPoint>>();
    private IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>> _p95 = new Dictionary<string, IReadOnlyList<ChartPoint>>();
    private IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>> _psi = new Dictionary<string, IReadOnlyList<ChartPoint>>();

    private IEnumerable<int> VersionChoices => _seen.Union(Revisions.SelectMany(r => r?.Versions ?? []).Select(v => v.Version)).Order();

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>Reads the reports again (the page's refresh), keeping the chosen version.</summary>
    public async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task FilterAsync(string version)
    {
        _version = version;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            int? version = int.TryParse(_version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
            _reports = (await Api.MonitoringHistoryAsync(Deployment, version, MaxReports, null)).Items;
            _problem = null;
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _problem = message;
        }

        _loaded = true;
        _seen.UnionWith(_reports.Select(r => r.Version));
        _errorRate = Lines(r => 100 * r.ErrorRate);
        _p95 = Lines(r => r.P95Milliseconds);
        _psi = Lines(r => r.Drift.Count == 0 ? double.NaN : r.Drift.Max(d => d.Psi));
    }

    /// <summary>One series per version ("v1", "v2"…): the figure of each report at the end of its window (epoch milliseconds).</summary>
    private Dictionary<string, IReadOnlyList<ChartPoint>> Lines(Func<VersionMonitoringInfo, double> figure) =>
        _reports.GroupBy(r => r.Version).ToDictionary(
            g => $"v{g.Key}", g => (IReadOnlyList<ChartPoint>)[.. g.Select(r => new ChartPoint(r.To.ToUnixTimeMilliseconds(), figure(r)))]);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string AxisTime(double epochMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)epochMilliseconds).UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
