using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

public sealed class DeploymentPageTests : DeploymentPageContext
{
    public DeploymentPageTests()
    {
        var monitoring = new MonitoringInfo(true, [new VersionMonitoringInfo(
            1, 3, "serving-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1), 500, 40, 0.08, 0.3, 300, 420, 250, true,
            [new FeatureDriftInfo("mean radius", 0.5, 0.05, true)], DateTimeOffset.UnixEpoch)]);
        Api.On(HttpMethod.Get, "/api/v1/deployments/cancer", () => Endpoint with { Monitoring = monitoring });
        Api.On(HttpMethod.Get, "/api/v1/deployments/cancer/revisions", () => new Page<RevisionInfo>([Endpoint.Active!], null));
        Api.On(HttpMethod.Get, "/api/v1/deployments/cancer/keys", () => new Page<InferenceKeyInfo>([], null));
        Api.On(HttpMethod.Get, "/api/v1/deployments/cancer/monitoring/history", () => new Page<VersionMonitoringInfo>(monitoring.Versions, null));
    }

    [Theory]
    [InlineData("Viewer", false)]
    [InlineData("Operator", true)]
    [InlineData("Admin", true)]
    public void Everyone_reads_the_figures_and_only_operators_and_admins_get_the_actions(string role, bool operates)
    {
        var page = RenderAs<DeploymentPage>(role, (nameof(DeploymentPage.Name), "cancer"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=drift-row][data-alert='1']")));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=revision-kind]")));
        Assert.Contains("8.00", page.Find("[data-testid=monitoring]").TextContent);
        // One report per version: each chart shows v1's single value in its table (a line needs two points).
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=monitoring-history] polyline[data-series='v1'], [data-testid=monitoring-history] tr[data-series-value='v1']").Count));
        Assert.Equal(["v1 · 100% (weight 100)"], page.FindAll("[data-testid=active-split] [data-testid=traffic-version]").Select(e => e.TextContent.Trim()));
        string[] actions = ["Change traffic", "Roll back", "Create key"];
        Assert.Equal(operates ? actions : [], page.FindAll("button").Select(b => b.TextContent.Trim()).Where(actions.Contains));
    }

    [Fact]
    public void The_deployment_page_links_each_revision_to_its_own_page_under_the_trail_deployments_deployment()
    {
        var page = RenderAs<DeploymentPage>("Viewer", (nameof(DeploymentPage.Name), "cancer"));
        page.WaitForAssertion(() => Assert.Equal("/deployments/cancer/revisions/3", page.Find("[data-testid=revision-link]").GetAttribute("href")));
        Assert.Equal(["Deployments", "cancer"], page.FindAll(".mud-breadcrumb-item").Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public void A_revisions_page_has_the_trail_deployments_deployment_revision_and_shows_its_split()
    {
        var revision = RenderAs<RevisionPage>("Viewer", (nameof(RevisionPage.Name), "cancer"), (nameof(RevisionPage.Number), 3));

        revision.WaitForAssertion(() => Assert.Equal(["Deployments", "cancer", "Revision 3"], revision.FindAll(".mud-breadcrumb-item").Select(i => i.TextContent.Trim())));
        Assert.Equal(["/deployments", "/deployments/cancer"], revision.FindAll(".mud-breadcrumb-item:not(.mud-disabled) a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["v1 · 100% (weight 100)"], revision.FindAll("[data-testid=revision-split] [data-testid=traffic-version]").Select(e => e.TextContent.Trim()));
        Assert.Contains("release", revision.Markup);
    }

    [Fact]
    public void A_revision_the_deployment_does_not_have_is_the_portals_not_found()
    {
        var revision = RenderAs<RevisionPage>("Viewer", (nameof(RevisionPage.Name), "cancer"), (nameof(RevisionPage.Number), 9));

        revision.WaitForAssertion(() => Assert.Single(revision.FindAll("[data-testid=not-found]")));
    }
}
