using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Pages;

public sealed class LatestMetricsTests : PortalTestContext
{
    [Fact]
    public void Each_metric_shows_its_latest_value_and_step_by_name()
    {
        var latest = new LatestMetricValues();
        latest.Reset([new MetricValue("validation.auc", 0.91, 3)]);
        latest.Add([new MetricValue("validation.auc", 0.95, 4), new MetricValue("validation.auc", 0.5, 2), new MetricValue("train.logLoss", double.NaN, 1)]);

        var table = Render<LatestMetrics>(p => p.Add(x => x.Metrics, latest.Values));

        var rows = table.FindAll("[data-testid=latest-metric]");
        Assert.Equal(["train.logLoss", "validation.auc"], rows.Select(r => r.GetAttribute("data-metric")));
        Assert.Equal(["validation.auc", "0.95", "4"], rows[1].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal("NaN", rows[0].QuerySelectorAll("td")[1].TextContent);
    }

    [Fact]
    public void A_run_without_metrics_says_so()
    {
        var table = Render<LatestMetrics>(p => p.Add(x => x.Metrics, Array.Empty<MetricValue>()));

        Assert.Single(table.FindAll("[data-testid=latest-metrics-empty]"));
    }
}
