using Bunit;
using Platform.Web.Components.Charts;
using Platform.Web.Components.Pages;

namespace Platform.Web.Tests.Tracking;

public sealed class CompareRunsPageTests : TrackingPageContext
{
    private readonly Guid[] _runs = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public CompareRunsPageTests()
    {
        for (var i = 0; i < _runs.Length; i++)
        {
            var (id, n) = (_runs[i], i);
            Api.On(HttpMethod.Get, $"/api/v1/runs/{id}", () => new
            {
                id, experimentId = Guid.Empty, name = $"run-{n}", status = "Finished", startTime = DateTimeOffset.UtcNow, createdBy = "root",
                @params = new Dictionary<string, string> { ["lr"] = (0.1 * (n + 1)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), ["trainer"] = n == 0 ? "Linear" : "LightGbm" },
                tags = new Dictionary<string, string>(),
                metrics = new[] { new { key = "auc", value = 0.8 + 0.05 * n, step = 10 }, new { key = "loss", value = 0.5 - 0.1 * n, step = 10 } },
            }).On(HttpMethod.Get, $"/api/v1/runs/{id}/metrics/history", () => new { items = new[] { new { value = 0.5, step = 1 }, new { value = 0.8, step = 10 } }, nextCursor = (string?)null });
        }
    }

    [Fact]
    public void Latest_values_are_a_table_with_the_best_of_each_metric_marked()
    {
        var page = Open<CompareRuns>($"/compare?runs={string.Join(',', _runs)}");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=latest-metrics] tr[data-metric]")));
        Assert.Contains("★", page.FindAll("tr[data-metric='auc'] td")[3].TextContent); // highest auc: run-2
        Assert.Contains("★", page.FindAll("tr[data-metric='loss'] td")[3].TextContent); // lowest loss: run-2
        Assert.Equal("0", page.FindAll("tr[data-metric='auc'] td")[1].GetAttribute("data-best"));
    }

    [Fact]
    public void The_parallel_coordinates_chart_draws_a_line_per_run_across_the_differing_params_and_the_metric()
    {
        var page = Open<CompareRuns>($"/compare?runs={string.Join(',', _runs)}");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=parallel-coordinates] polyline[data-run]").Count));
        Assert.Equal(["lr", "trainer", "auc"], page.FindAll("[data-testid=parallel-coordinates] [data-axis]").Select(a => a.GetAttribute("data-axis")));
        var points = page.Find("polyline[data-run='run-2']").GetAttribute("points")!.Split(' ');
        Assert.Equal(3, points.Length);
        Assert.EndsWith(",0", points[^1]); // the best auc at the top of its axis
    }

    [Fact]
    public void The_scatter_puts_each_run_at_its_param_and_metric_and_the_histories_are_charts()
    {
        var page = Open<CompareRuns>($"/compare?runs={string.Join(',', _runs)}");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=param-scatter] [data-series-dot]").Count));
        Assert.Equal("lr", page.Find("[data-testid=param-scatter] [data-testid=chart-x-label]").TextContent);
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("polyline[data-series]").Count)); // 2 metrics x 3 runs
    }

    [Theory]
    [InlineData(new[] { "0.1", "0.3", null }, 0.0, 1.0)]
    [InlineData(new[] { "b", "a", "c" }, 0.5, 0.0)]
    public void A_parallel_axis_places_numbers_by_value_and_words_in_order(string?[] values, double first, double second)
    {
        var scale = ParallelScale.Of(new ParallelAxis("x", values));

        Assert.Equal(first, scale.Fraction(values[0]));
        Assert.Equal(second, scale.Fraction(values[1]));
        Assert.Null(scale.Fraction(null));
    }

    [Theory]
    [InlineData("l1Regularization", "l1<wbr>Regularization")]
    [InlineData("validation.logLoss", "validation.<wbr>log<wbr>Loss")]
    [InlineData("num_leaves", "num_<wbr>leaves")]
    [InlineData("AUC", "AUC")]
    [InlineData("a<b", "a&lt;b")]
    public void An_axis_name_may_wrap_only_where_its_words_meet_and_stays_text(string name, string markup) =>
        Assert.Equal(markup, ParallelCoordinates.WordBreaks(name).Value);
}
