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
    public void A_series_given_whole_replaces_what_is_drawn_and_a_single_point_among_lines_gets_a_dot()
    {
        var chart = Render<MetricChart>(p => p
            .Add(x => x.Title, "p95")
            .Add(x => x.Series, new Dictionary<string, IReadOnlyList<ChartPoint>> { ["v1"] = [new(1, 2), new(2, 3)], ["v2"] = [new(1, 5)] })
            .Add(x => x.FormatX, x => $"t{x}"));

        Assert.Equal(2, Points(chart, "v1").Length);
        Assert.Single(chart.FindAll("[data-series-dot='v2']"));
        Assert.Empty(chart.FindAll("[data-series-dot='v1']"));
        Assert.Contains("t2", chart.FindAll("[data-x-tick]").Select(t => t.TextContent)); // the x axis's ticks as FormatX writes them
        Assert.Equal("time", chart.Find("[data-testid=chart-x-label]").TextContent);

        chart.Render(p => p.Add(x => x.Series, new Dictionary<string, IReadOnlyList<ChartPoint>> { ["v2"] = [new(1, 5), new(3, 6)] }));

        Assert.Empty(chart.FindAll("polyline[data-series='v1']"));
        Assert.Equal(2, Points(chart, "v2").Length);
    }

    [Fact]
    public void Axes_have_round_ticks_with_gridlines_and_the_x_axis_is_named_step()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Series, Loss()));

        Assert.Equal(["0", "0.25", "0.5", "0.75", "1"], chart.FindAll("[data-y-tick]").Select(t => t.TextContent));
        Assert.Equal(["0", "25", "50", "75", "100"], chart.FindAll("[data-x-tick]").Select(t => t.TextContent));
        Assert.Equal(10, chart.FindAll("[data-gridline]").Count);
        Assert.Equal("step", chart.Find("[data-testid=chart-x-label]").TextContent);
    }

    [Fact]
    public void A_metric_of_single_values_is_a_table_of_them_not_an_empty_chart()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Title, "test.auc")
            .Add(x => x.Series, new Dictionary<string, IReadOnlyList<ChartPoint>> { ["run-a"] = [new(0, 0.9597)], ["run-b"] = [new(0, 0.9412)] }));

        Assert.Equal("table", chart.Find("figure").GetAttribute("data-mode"));
        Assert.Empty(chart.FindAll("svg"));
        Assert.Contains("0.9597", chart.Find("tr[data-series-value='run-a']").TextContent);
        Assert.DoesNotContain("1.9597", chart.Markup);
    }

    [Fact]
    public void Hovering_shows_each_series_value_at_that_step()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Series, Loss()));
        var bands = chart.FindAll("rect[data-band]");

        bands[bands.Count - 1].TriggerEvent("onmouseenter", new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var tooltip = chart.Find("[data-testid=chart-tooltip]").TextContent;
        Assert.Contains("step 99", tooltip);
        Assert.Contains("loss: 0.01", tooltip);
    }

    [Fact]
    public void Dragging_across_the_plot_zooms_into_those_steps_and_reset_zoom_shows_all_again()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Series, Loss()));

        chart.Find("rect[data-band='0']").MouseDown();
        chart.Find("rect[data-band='10']").TriggerEvent("onmouseenter", new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        chart.Find("rect[data-band='10']").MouseUp();

        Assert.True(Points(chart, "loss").Length is > 5 and < 20, $"points in view after zooming: {Points(chart, "loss").Length}");
        chart.Find("[data-testid=chart-reset-zoom]").Click();
        Assert.Equal(101, Points(chart, "loss").Length);
    }

    [Fact]
    public void Log_scale_ticks_are_powers_of_ten_and_smoothing_adds_a_smoothed_line_over_the_raw_one()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Series,
            new Dictionary<string, IReadOnlyList<ChartPoint>> { ["loss"] = [.. Enumerable.Range(0, 4).Select(i => new ChartPoint(i, Math.Pow(10, -i)))] }));

        chart.Find("[data-testid=chart-log]").Change(true);
        Assert.Contains("0.01", chart.FindAll("[data-y-tick]").Select(t => t.TextContent));
        Assert.Contains("1", chart.FindAll("[data-y-tick]").Select(t => t.TextContent));

        chart.Find("[data-testid=chart-smoothing]").Change("0.6");
        Assert.Equal(2, chart.FindAll("polyline").Count);
    }

    [Fact]
    public void Without_lines_the_chart_is_a_scatter_of_dots()
    {
        var chart = Render<MetricChart>(p => p.Add(x => x.Lines, false).Add(x => x.XLabel, "lr")
            .Add(x => x.Series, new Dictionary<string, IReadOnlyList<ChartPoint>> { ["run-a"] = [new(0.1, 0.9)], ["run-b"] = [new(0.3, 0.8)] }));

        Assert.Empty(chart.FindAll("polyline"));
        Assert.Equal(2, chart.FindAll("[data-series-dot]").Count);
        Assert.Equal("lr", chart.Find("[data-testid=chart-x-label]").TextContent);
    }

    [Fact]
    public void Points_are_scaled_into_the_box_with_y_growing_down_and_non_finite_values_left_out()
    {
        IReadOnlyList<ChartPoint> series = [new(0, 0), new(10, 1), new(5, double.NaN)];

        Assert.Equal("0,1000 1000,0", ChartGeometry.Polyline(series, new AxisRange(0, 10), new AxisRange(0, 1)));
        Assert.Equal([0.0, 0.5, 1, 1.5, 2], ChartGeometry.Ticks(new AxisRange(0, 2), 4));
        Assert.Equal([0.0, 1, 2], ChartGeometry.Ticks(new AxisRange(0, 2), 4, whole: true)); // no step 1.5
        Assert.Equal(1 / 3.0, ChartGeometry.Smooth([new(0, 1), new(1, 0)], 0.5)[1].Value, 6); // corrected for its start: (0.5·0.5·1 + 0.5·0) / (1 − 0.5²)
    }

    [Theory]
    [InlineData("train.logLoss", "logLoss")]
    [InlineData("validation.rocAuc", "rocAuc")]
    [InlineData("loss", "loss")]
    public void Splits_of_one_metric_share_a_chart(string key, string group) => Assert.Equal(group, RunPage.GroupOf(key));

    private static Dictionary<string, IReadOnlyList<ChartPoint>> Loss() =>
        new() { ["loss"] = [.. Enumerable.Range(0, 101).Select(i => new ChartPoint(i, 1 - i / 100.0))] };

    private static string[] Points(IRenderedComponent<MetricChart> chart, string series) =>
        chart.Find($"polyline[data-series='{series}']").GetAttribute("points")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
