using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Fleet;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Fleet;

public sealed class FleetPageTests : DeploymentPageContext
{
    private readonly List<DeviceInfo> _devices = [FleetData.Device()];

    public FleetPageTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/fleet/summary", () => FleetData.Summary());
        Api.On(HttpMethod.Get, "/api/v1/fleet/devices", () => new Page<DeviceInfo>([.. _devices], null));
    }

    [Fact]
    public void The_fleet_shows_its_counts_by_state_version_and_region_and_each_device_links_to_its_page_with_its_labels()
    {
        var page = RenderAs<FleetPage>("Viewer");

        page.WaitForAssertion(() => Assert.Equal("9", page.Find("[data-testid=state-card][data-state=Active] [data-testid=state-count]").TextContent));
        Assert.Equal("12", page.Find("[data-testid=state-card][data-state=Total] [data-testid=state-count]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=state-card][data-state=Decommissioned] [data-testid=state-count]").TextContent);
        Assert.Equal(2, page.FindAll("[data-testid=version-row]").Count);
        Assert.Contains("Failed", page.FindAll("[data-testid=version-row]")[1].TextContent);
        Assert.Equal(["eu-west761", "us-east530"], page.FindAll("[data-testid=group-row]").Select(r => string.Concat(r.TextContent.Where(c => !char.IsWhiteSpace(c)))));
        page.WaitForAssertion(() => Assert.Equal($"/fleet/devices/{FleetData.DeviceId}", page.Find("[data-testid=device-link]").GetAttribute("href")));
        Assert.Equal(["hw=jetson", "region=eu-west"], page.FindAll("[data-testid=label-chip]").Select(c => c.TextContent.Trim()));
        Assert.Empty(page.FindAll("a[href='/fleet/enrolment-tokens']"));
    }

    [Fact]
    public void The_filters_send_the_selector_state_model_version_and_label_to_group_by()
    {
        var page = RenderAs<FleetPage>("Operator");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=device-link]")));

        page.Find("#fleet-selector").Input("region=eu-west,hw in (jetson)");
        page.Find(".mud-input-control.mud-select").MouseDown();
        page.WaitForAssertion(() => page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "Suspended").Click());
        page.Find("#fleet-model").Input("detector");
        page.Find("#fleet-version").Change("4");
        page.Find("#fleet-group-by").Input("site");
        Press(page, "Filter");

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Path ==
            "/api/v1/fleet/devices?limit=25&selector=region%3Deu-west%2Chw%20in%20%28jetson%29&state=Suspended&model=detector&version=4"));
        Assert.Contains(Api.Sent, s => s.Path == "/api/v1/fleet/summary?groupBy=site&selector=region%3Deu-west%2Chw%20in%20%28jetson%29");
        Assert.All(Api.Sent, s => Assert.StartsWith("/api/v1/workspaces/default/", s.Wire));
    }

    [Fact]
    public void A_selector_the_api_cannot_read_is_said_beside_the_field()
    {
        var page = RenderAs<FleetPage>("Viewer");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=device-link]")));
        const string complaint = "'in' takes a list in parentheses: hw in (a,b)";
        Api.On(HttpMethod.Get, "/api/v1/fleet/summary", () => FleetData.Invalid(("selector", complaint)), HttpStatusCode.BadRequest);
        Api.On(HttpMethod.Get, "/api/v1/fleet/devices", () => FleetData.Invalid(("selector", complaint)), HttpStatusCode.BadRequest);

        page.Find("#fleet-selector").Input("hw in jetson");
        Press(page, "Filter");

        page.WaitForAssertion(() => Assert.Contains(complaint, page.Find("[data-testid=selector-field]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=device-link]"));
        Assert.Empty(page.FindAll("[data-testid=inline-error]"));
    }

    [Fact]
    public void An_empty_fleet_says_to_create_an_enrolment_token_and_an_operator_is_offered_to_enrol()
    {
        _devices.Clear();

        var page = RenderAs<FleetPage>("Operator");

        page.WaitForAssertion(() => Assert.Contains("No devices yet — create an enrolment token", page.Find("[data-testid=empty-list]").TextContent));
        Assert.Single(page.FindAll("a[href='/fleet/enrolment-tokens']"));
    }
}
