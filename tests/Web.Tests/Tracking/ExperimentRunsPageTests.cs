using Bunit;
using System.Web;
using Platform.Web.Components.Pages;

namespace Platform.Web.Tests.Tracking;

public sealed class ExperimentRunsPageTests : TrackingPageContext
{
    private static readonly Guid Experiment = Guid.NewGuid();

    public ExperimentRunsPageTests()
    {
        // The latest rule wins, and rules match by prefix: the experiment itself first.
        Api.On(HttpMethod.Get, $"/api/v1/experiments/{Experiment}", () => new { id = Experiment, name = "churn", description = "why they leave", lifecycleStage = "Active", createdBy = "root", createdAt = DateTimeOffset.UtcNow })
            .On(HttpMethod.Get, $"/api/v1/experiments/{Experiment}/run-keys", () => new { @params = new[] { "depth", "lr" }, metrics = new[] { "auc", "loss" }, tags = Array.Empty<string>(), truncated = false })
            .On(HttpMethod.Get, $"/api/v1/experiments/{Experiment}/runs", () => new
            {
                items = new[] { Run("run-1", new Dictionary<string, string> { ["lr"] = "0.1", ["depth"] = "6" }, ("auc", 0.91), ("loss", 0.25)) },
                nextCursor = "next-1",
            });
    }

    [Fact]
    public void Every_param_and_metric_of_the_experiment_gets_its_own_column_even_when_the_rows_lack_them()
    {
        Api.On(HttpMethod.Get, $"/api/v1/experiments/{Experiment}/runs", () => new { items = new[] { Run("sparse", new Dictionary<string, string> { ["lr"] = "0.3" }) }, nextCursor = (string?)null });

        var page = Open<ExperimentRuns>($"/experiments/{Experiment}?filter=params.lr%20%3D%20%270.3%27", Experiment);

        page.WaitForAssertion(() => Assert.Contains("sparse", page.Markup));
        var columns = page.FindAll("th[data-column]").Select(th => th.GetAttribute("data-column")).ToList();
        Assert.Equal(["params.depth", "params.lr", "metrics.auc", "metrics.loss"], columns);
        Assert.Equal("0.3", page.Find("td[data-column='params.lr']").TextContent.Trim());
        Assert.Equal("–", page.Find("td[data-column='metrics.auc']").TextContent.Trim());
    }

    [Fact]
    public void The_filter_order_and_columns_in_the_address_are_what_the_page_asks_the_api_for_and_shows()
    {
        var page = Open<ExperimentRuns>($"/experiments/{Experiment}?filter=metrics.auc%20%3E%200.9&order=metrics.auc%20asc&cols=metrics.loss,params.lr", Experiment);

        page.WaitForAssertion(() => Assert.Contains("run-1", page.Markup));
        var sent = Api.Sent.Last(s => s.Path.StartsWith($"/api/v1/experiments/{Experiment}/runs", StringComparison.Ordinal)).Path;
        var query = HttpUtility.ParseQueryString(new Uri("http://x" + sent).Query);
        Assert.Equal("metrics.auc > 0.9", query["filter"]);
        Assert.Equal("metrics.auc asc", query["orderBy"]);
        Assert.Equal(["metrics.loss", "params.lr"], page.FindAll("th[data-column]").Select(th => th.GetAttribute("data-column")));
        Assert.Equal("metrics.auc > 0.9", page.Find("#runs-filter").GetAttribute("value"));
    }

    [Fact]
    public void Enter_in_the_filter_applies_it_and_puts_it_in_the_address()
    {
        var page = Open<ExperimentRuns>($"/experiments/{Experiment}", Experiment);
        page.WaitForAssertion(() => Assert.Contains("run-1", page.Markup));

        page.Find("#runs-filter").Input("params.lr = '0.1'");
        page.Find("form[data-testid=runs-filter-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains("filter=params.lr", Address));
        Assert.Contains(Api.Sent, s => s.Path.Contains("filter=params.lr%20%3D%20%270.1%27", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_page_follows_the_cursor_and_the_address_keeps_the_cursor_and_page()
    {
        var page = Open<ExperimentRuns>($"/experiments/{Experiment}", Experiment);
        page.WaitForAssertion(() => Assert.Contains("Page 1", page.Find("[data-testid=runs-page]").TextContent));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Next page").Click();

        page.WaitForAssertion(() => Assert.Contains("Page 2 · runs 51–51", page.Find("[data-testid=runs-page]").TextContent));
        Assert.Contains("cursor=next-1", Address);
        Assert.Contains("page=2", Address);
        Assert.Contains(Api.Sent, s => s.Path.Contains("cursor=next-1", StringComparison.Ordinal));
        Assert.False(page.FindAll("button").Single(b => b.TextContent.Trim() == "Previous page").HasAttribute("disabled"));
    }

    [Fact]
    public void A_click_on_a_metric_heading_orders_by_it_in_the_address()
    {
        var page = Open<ExperimentRuns>($"/experiments/{Experiment}", Experiment);
        page.WaitForAssertion(() => Assert.Contains("run-1", page.Markup));

        page.Find("[data-testid='sort-metrics.auc']").Click();

        page.WaitForAssertion(() => Assert.Contains("order=metrics.auc%20desc", Address));
    }

    [Fact]
    public void The_column_picker_offers_every_key_and_a_change_goes_into_the_address()
    {
        var page = Open<ExperimentRuns>($"/experiments/{Experiment}?cols=metrics.auc", Experiment);
        page.WaitForAssertion(() => Assert.Contains("run-1", page.Markup));

        page.Find("#runs-columns").Closest(".mud-select")!.MouseDown();
        var items = page.FindAll(".mud-popover-open .mud-list-item");
        Assert.Equal(5, items.Count); // "All columns" and the four keys
        items.Single(i => i.TextContent.Contains("param · lr", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("cols=params.lr%2Cmetrics.auc", Address));
        Assert.Equal(["params.lr", "metrics.auc"], page.FindAll("th[data-column]").Select(th => th.GetAttribute("data-column")));
    }
}
