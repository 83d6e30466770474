using Bunit;
using Platform.Web.Components.Charts;
using Platform.Web.Components.Pages;

namespace Platform.Web.Tests;

public sealed class MetricChartTests : PortalTestContext
{
    [Fact]
    public void Live_points_extend_a_series_redraw_it_and_a_repeated_step_takes_the_new_value()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Title, "logLoss"));

        chart.Instance.Append("train.logLoss", [new(1, 0.7), new(2, 0.5)]);
        chart.WaitForAssertion(() => Assert.Equal(2, Points(chart, "train.logLoss").Length));
        chart.Instance.Append("train.logLoss", [new(3, 0.3), new(2, 0.4)]);
        chart.Instance.Append("validation.logLoss", [new(1, 0.8)]);

        chart.WaitForAssertion(() => Assert.Equal(3, Points(chart, "train.logLoss").Length));
        Assert.Equal(3, chart.Instance.PointCount("train.logLoss"));
        Assert.Single(Points(chart, "validation.logLoss"));
        Assert.Contains("0.8", chart.Markup); // the new maximum is the top label
        Assert.Contains("train.logLoss (3)", chart.Markup);
    }

    [Fact]
    public void A_series_given_whole_replaces_what_is_drawn_and_a_single_point_gets_a_dot()
    {
        var chart = Render<MetricChart>(p => p
            .Add(x => x.Title, "p95")
            .Add(x => x.Series, new Dictionary<string, IReadOnlyList<ChartPoint>> { ["v1"] = [new(1, 2), new(2, 3)], ["v2"] = [new(1, 5)] })
            .Add(x => x.FormatX, x => $"t{x}"));

        Assert.Equal(2, Points(chart, "v1").Length);
        Assert.Single(chart.FindAll("circle[data-series-dot='v2']"));
        Assert.Empty(chart.FindAll("circle[data-series-dot='v1']"));
        Assert.Contains("t2", chart.Markup); // the x axis's end as FormatX writes it

        chart.Render(p => p.Add(x => x.Series, new Dictionary<string, IReadOnlyList<ChartPoint>> { ["v2"] = [new(1, 5), new(3, 6)] }));

        Assert.Empty(chart.FindAll("polyline[data-series='v1']"));
        Assert.Equal(2, Points(chart, "v2").Length);
    }

    [Fact]
    public void Points_are_scaled_into_the_box_with_y_growing_down_and_non_finite_values_left_out()
    {
        IReadOnlyList<ChartPoint> series = [new(0, 0), new(10, 1), new(5, double.NaN)];
        var bounds = ChartGeometry.Bounds([series]);

        Assert.Equal("0,100 200,0", ChartGeometry.Polyline(series, bounds, 200, 100));
        Assert.Equal((0, 1, 5, 6), ChartGeometry.Bounds([[new(0, 5)]]));
    }

    [Theory]
    [InlineData("train.logLoss", "logLoss")]
    [InlineData("validation.rocAuc", "rocAuc")]
    [InlineData("loss", "loss")]
    public void Splits_of_one_metric_share_a_chart(string key, string group) => Assert.Equal(group, RunPage.GroupOf(key));

    private static string[] Points(IRenderedComponent<MetricChart> chart, string series) =>
        chart.Find($"polyline[data-series='{series}']").GetAttribute("points")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
