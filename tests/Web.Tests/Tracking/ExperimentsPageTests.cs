using System.Net;
using Bunit;
using Platform.Web.Components.Pages;

namespace Platform.Web.Tests.Tracking;

public sealed class ExperimentsPageTests : TrackingPageContext
{
    private static readonly Guid Churn = Guid.NewGuid();

    public ExperimentsPageTests() =>
        Api.On(HttpMethod.Get, "/api/v1/experiments", () => new
        {
            items = new[] { new { id = Churn, name = "churn", description = "why customers leave", lifecycleStage = "Active", createdBy = "root", createdAt = DateTimeOffset.UtcNow, runCount = 10000 } },
            nextCursor = (string?)null,
        });

    [Fact]
    public void Each_experiment_shows_its_run_count_and_description()
    {
        var page = Open<Experiments>("/experiments");

        page.WaitForAssertion(() => Assert.Equal("10,000", page.Find("[data-testid=run-count]").TextContent.Trim()));
        Assert.Equal("why customers leave", page.Find("[data-testid=experiment-description]").TextContent.Trim());
    }

    [Fact]
    public void A_search_asks_the_api_for_names_holding_it_and_keeps_it_in_the_address()
    {
        var page = Open<Experiments>("/experiments");
        page.WaitForAssertion(() => Assert.Contains("churn", page.Markup));

        page.Find("#experiments-search").Input("chu");
        page.Find("#experiments-search").Closest("form")!.Submit();

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Path.Contains("name=chu", StringComparison.Ordinal)));
        Assert.Contains("q=chu", Address);
    }

    [Fact]
    public void New_experiment_shows_the_apis_complaint_beside_the_name_and_a_created_one_opens()
    {
        Api.On(HttpMethod.Post, "/api/v1/experiments", () => new { title = "Invalid", errors = new { name = new[] { "must not be empty" } } }, HttpStatusCode.BadRequest);
        var page = Open<Experiments>("/experiments");
        page.WaitForAssertion(() => Assert.Contains("churn", page.Markup));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "New experiment").Click();
        page.Find("form[data-testid=new-experiment-form]").Submit();

        page.WaitForAssertion(() => Assert.Contains("must not be empty", page.Find("[data-testid=new-experiment-form]").TextContent));
        var created = Guid.NewGuid();
        Api.On(HttpMethod.Post, "/api/v1/experiments", () => new { id = created, name = "fraud", lifecycleStage = "Active", createdBy = "root", createdAt = DateTimeOffset.UtcNow }, HttpStatusCode.Created);
        page.Find("#new-experiment-name").Input("fraud");
        page.Find("form[data-testid=new-experiment-form]").Submit();
        page.WaitForAssertion(() => Assert.EndsWith($"/experiments/{created}", Address));
        Assert.Equal("fraud", Api.BodiesOf(HttpMethod.Post, "/api/v1/experiments").Last().GetProperty("name").GetString());
    }

    [Fact]
    public void A_viewer_is_not_offered_a_new_experiment()
    {
        var page = Open<Experiments>("/experiments", null, "Viewer");
        page.WaitForAssertion(() => Assert.Contains("churn", page.Markup));

        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "New experiment");
    }

    [Fact]
    public void An_admin_is_offered_a_new_experiment_as_the_api_lets_them_create_one()
    {
        var page = Open<Experiments>("/experiments", null, "Admin");
        page.WaitForAssertion(() => Assert.Contains("churn", page.Markup));

        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "New experiment");
    }
}
