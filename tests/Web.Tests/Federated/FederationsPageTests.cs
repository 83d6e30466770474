using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Federated;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Federated;

public sealed class FederationsPageTests : DeploymentPageContext
{
    public FederationsPageTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/federations", () => new Page<FederationInfo>([FederationData.Federation()], null));
        Api.On(HttpMethod.Get, $"/api/v1/experiments/{FederationData.ExperimentId}", FederationData.Experiment);
    }

    [Fact]
    public void Each_federation_shows_its_state_rounds_done_of_planned_strategy_secure_aggregation_and_epsilon_and_links_to_its_page_and_run()
    {
        var page = RenderAs<Federations>("Viewer");

        page.WaitForAssertion(() => Assert.Equal($"/federated/{FederationData.FederationId}", page.Find("[data-testid=federation-link]").GetAttribute("href")));
        Assert.Equal("readmission-eu", page.Find("[data-testid=federation-link]").TextContent.Trim());
        Assert.Equal("Running", page.Find("[data-testid=federation-state]").TextContent.Trim());
        Assert.Equal("3 of 10", page.Find("[data-testid=federation-rounds]").TextContent.Trim());
        Assert.Equal("FedProx", page.Find("[data-testid=federation-strategy]").TextContent.Trim());
        Assert.Equal("yes", page.Find("[data-testid=federation-secagg]").TextContent.Trim());
        Assert.Equal("1.25 of 8", page.Find("[data-testid=federation-epsilon]").TextContent.Trim());
        Assert.Equal($"/runs/{FederationData.RunId}", page.Find("[data-testid=federation-run-link]").GetAttribute("href"));
        Assert.Contains("by scientist", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=new-federation-link]"));
    }

    [Fact]
    public void The_state_filter_is_sent_and_reads_the_first_page_again()
    {
        var page = RenderAs<Federations>("Viewer");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=federation-link]")));

        page.FindAll(".mud-input-control.mud-select").First(s => s.QuerySelector("#federations-state") is not null).MouseDown();
        page.WaitForAssertion(() => page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "Waiting").Click());
        Press(page, "Filter");

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Path == "/api/v1/federations?limit=25&state=Waiting"));
    }

    [Fact]
    public void An_experiments_federations_are_asked_for_by_its_id_and_a_data_scientists_new_federation_starts_in_it()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/federated?experiment={FederationData.ExperimentId}");

        var page = RenderAs<Federations>("DataScientist");

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Path == $"/api/v1/federations?limit=25&experimentId={FederationData.ExperimentId}"));
        page.WaitForAssertion(() => Assert.Contains("readmission", page.Find("[data-testid=federations-experiment]").TextContent));
        Assert.Equal($"/federated/new?experiment={FederationData.ExperimentId}", page.Find("[data-testid=new-federation-link]").GetAttribute("href"));
    }

    [Fact]
    public void Without_federations_the_list_says_so()
    {
        Api.On(HttpMethod.Get, "/api/v1/federations", () => new Page<FederationInfo>([], null));

        var page = RenderAs<Federations>("Viewer");

        page.WaitForAssertion(() => Assert.Equal("No federated training yet.", page.Find("[data-testid=empty-list]").TextContent.Trim()));
    }
}
