using Platform.Web.Api;
using Platform.Web.Components.Pages.Tracking;

namespace Platform.Web.Tests.Tracking;

public sealed class RunsViewTests
{
    private static readonly RunKeys Keys = new([.. Enumerable.Range(0, 8).Select(i => $"p{i}")], ["auc", "loss"], [], false);

    [Fact]
    public void A_view_written_to_the_address_reads_back_the_same()
    {
        var view = new RunsView("metrics.auc > 0.9", "metrics.auc asc", ["metrics.loss", "params.p1"], "abc", 3);
        var query = view.ToQuery();

        var back = RunsView.FromQuery((string?)query["filter"], (string?)query["order"], (string?)query["cols"], (string?)query["cursor"], (string?)query["page"]);

        Assert.Equal(view.Key, back.Key);
    }

    [Fact]
    public void Defaults_stay_out_of_the_address_and_a_page_without_a_cursor_is_the_first()
    {
        Assert.All(RunsView.Default.ToQuery().Values, Assert.Null);
        Assert.Equal(1, RunsView.FromQuery(null, null, null, null, "4").Page);
    }

    [Fact]
    public void Default_columns_are_the_first_params_and_metrics_and_chosen_ones_unknown_to_the_experiment_are_dropped()
    {
        Assert.Equal([.. Enumerable.Range(0, RunsView.DefaultPerKind).Select(i => $"params.p{i}"), "metrics.auc", "metrics.loss"], RunsView.Default.ColumnsOf(Keys));
        var chosen = RunsView.FromQuery(null, null, "metrics.loss,params.gone,nonsense,params.p7", null, null);
        Assert.Equal(["metrics.loss", "params.p7"], chosen.ColumnsOf(Keys));
    }

    [Fact]
    public void A_cell_shows_the_param_or_the_latest_metric_or_a_dash()
    {
        var run = new RunRow(Guid.NewGuid(), "r", "Finished", DateTimeOffset.UtcNow, "root", new Dictionary<string, string> { ["p1"] = "0.1" }, [new("auc", 0.912345, 3)]);

        Assert.Equal("0.1", RunsView.Cell(run, "params.p1"));
        Assert.Equal("0.9123", RunsView.Cell(run, "metrics.auc"));
        Assert.Equal("–", RunsView.Cell(run, "metrics.loss"));
    }
}
