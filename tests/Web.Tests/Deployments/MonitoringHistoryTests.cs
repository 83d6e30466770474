using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

/// <summary>The deployment page's History panel: one call to the monitoring history, one line per version in each chart.</summary>
public sealed class MonitoringHistoryTests : DeploymentPageContext
{
    private const string History = "/api/v1/deployments/cancer/monitoring/history";

    /// <summary>v1 reported three times, v2 twice, newest first as the Api answers; v2's PSI climbs.</summary>
    private static readonly VersionMonitoringInfo[] Reports =
    [
        Report(2, minute: 5, errorRate: 0.08, p95: 9, psi: 0.6),
        Report(1, minute: 4, errorRate: 0.01, p95: 4, psi: 0.05),
        Report(2, minute: 3, errorRate: 0.06, p95: 8, psi: 0.3),
        Report(1, minute: 2, errorRate: 0.02, p95: 5, psi: 0.04),
        Report(1, minute: 1, errorRate: 0.03, p95: 6, psi: 0.02),
    ];

    [Fact]
    public void Each_chart_draws_one_line_per_version_from_one_history_call()
    {
        Api.On(HttpMethod.Get, History, () => new Page<VersionMonitoringInfo>(Reports, null));

        var panel = RenderAs<MonitoringHistory>("Viewer", (nameof(MonitoringHistory.Deployment), "cancer"));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=monitoring-history] [data-testid=metric-chart]").Count));
        foreach (var chart in panel.FindAll("[data-testid=metric-chart]"))
        {
            var title = chart.QuerySelector("figcaption")!.TextContent.Trim();
            Assert.Equal(["v1", "v2"], chart.QuerySelectorAll("polyline").Select(p => p.GetAttribute("data-series")!));
            Assert.True(Points(chart, "v1") == 3 && Points(chart, "v2") == 2, $"{title}: v1 has 3 reports and v2 2, drawn {Points(chart, "v1")} and {Points(chart, "v2")}");
        }

        var psi = panel.FindAll("[data-testid=metric-chart]").Single(c => c.TextContent.Contains("Largest feature PSI", StringComparison.Ordinal));
        Assert.Contains("0.6", psi.QuerySelectorAll("[data-y-tick]").Select(t => t.TextContent)); // the largest PSI reported is within the scale's ticks
        Assert.Equal([$"{History}?limit={MonitoringHistory.MaxReports}"], Api.Sent.Where(s => s.Path.StartsWith(History, StringComparison.Ordinal)).Select(s => s.Path));
    }

    [Fact]
    public void Choosing_a_version_reads_that_versions_history_and_draws_its_line_only()
    {
        Api.On(HttpMethod.Get, History, () => new Page<VersionMonitoringInfo>(Reports, null));
        Api.On(HttpMethod.Get, $"{History}?limit={MonitoringHistory.MaxReports}&version=2", () => new Page<VersionMonitoringInfo>([.. Reports.Where(r => r.Version == 2)], null));
        var panel = RenderAs<MonitoringHistory>("Viewer", (nameof(MonitoringHistory.Deployment), "cancer"));
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("polyline[data-series='v1']").Count));

        panel.Find(".mud-input-control.mud-select").MouseDown();
        panel.WaitForAssertion(() => panel.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "v2").Click());

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("polyline[data-series='v1']")));
        Assert.Equal(3, panel.FindAll("polyline[data-series='v2']").Count);
        Assert.Contains(Api.Sent, s => s.Path == $"{History}?limit={MonitoringHistory.MaxReports}&version=2");
    }

    [Fact]
    public void A_deployment_without_reports_says_so_instead_of_empty_charts()
    {
        Api.On(HttpMethod.Get, History, () => new Page<VersionMonitoringInfo>([], null));

        var panel = RenderAs<MonitoringHistory>("Viewer", (nameof(MonitoringHistory.Deployment), "cancer"));

        panel.WaitForAssertion(() => Assert.Contains("No serving host has reported", panel.Find("[data-testid=no-history]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=metric-chart]"));
    }

    private static int Points(AngleSharp.Dom.IElement chart, string series) =>
        chart.QuerySelector($"polyline[data-series='{series}']")!.GetAttribute("points")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static VersionMonitoringInfo Report(int version, int minute, double errorRate, double p95, double psi)
    {
        var to = DateTimeOffset.UnixEpoch.AddMinutes(minute);
        return new VersionMonitoringInfo(
            version, 3, "serving-1", to.AddMinutes(-1), to, 1000, (long)(1000 * errorRate), errorRate, p95 / 2, p95, p95 * 2, 200, psi > 0.2,
            [new FeatureDriftInfo("mean radius", psi, 0.05, psi > 0.2), new FeatureDriftInfo("mean area", psi / 2, 0.01, false)], to);
    }
}
