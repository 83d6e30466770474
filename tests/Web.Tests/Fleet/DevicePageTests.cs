using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Fleet;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Fleet;

public sealed class DevicePageTests : DeploymentPageContext
{
    private static readonly string DevicePath = $"/api/v1/fleet/devices/{FleetData.DeviceId}";

    public DevicePageTests()
    {
        Api.On(HttpMethod.Get, DevicePath, FleetData.DeviceDetail);
        Api.On(HttpMethod.Post, DevicePath + "/", () => FleetData.Device("Suspended"));
    }

    [Fact]
    public void A_device_shows_its_key_inventory_labels_what_it_reports_what_it_should_run_and_its_rollouts()
    {
        var page = RenderAs<DevicePage>("Viewer", ("Id", FleetData.DeviceId));

        page.WaitForAssertion(() => Assert.Contains("thumb-0123456789abcdef", page.Find("[data-testid=credential]").TextContent));
        Assert.Contains("version 2", page.Find("[data-testid=credential]").TextContent);
        Assert.Contains("Orin", page.Find("[data-testid=device-facts]").TextContent);
        Assert.Equal("3 min ago", page.Find("[data-testid=last-seen]").TextContent.Trim());
        Assert.Equal(["hw=jetson", "region=eu-west"], page.FindAll("[data-testid=label-chip]").Select(c => c.TextContent.Trim()));
        Assert.Equal("v3", page.Find("[data-testid=serving-version]").TextContent.Trim());
        Assert.Contains("420 ms over the 250 ms limit", page.Find("[data-testid=failure-reason]").TextContent);
        Assert.Equal("v4", page.Find("[data-testid=desired-version]").TextContent.Trim());
        Assert.Equal("Rolled back", page.Find("[data-testid=history-status]").TextContent.Trim());
        Assert.Equal($"/fleet/rollouts/{FleetData.RolloutId}", page.Find("[data-testid=history-rollout]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=device-actions]"));
        Assert.Empty(page.FindAll("[data-testid=labels-editor]"));
    }

    [Fact]
    public void Suspending_asks_first_cancel_sends_nothing_and_a_confirmed_suspend_is_posted()
    {
        var page = RenderOperator<DevicePage>(("Id", FleetData.DeviceId));
        page.WaitForAssertion(() => Assert.Equal(["Suspend", "Revoke key", "Decommission"], page.FindAll("[data-testid=device-actions] button").Select(b => b.TextContent.Trim())));

        Press(page, "Suspend");
        page.WaitForAssertion(() => Assert.Contains("tokens stop at once", page.Find(".mud-dialog").TextContent));
        Press(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);

        Press(page, "Suspend");
        page.WaitForAssertion(() => page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Suspend").Click()));

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Post && s.Path == DevicePath + "/suspend"));
        page.WaitForAssertion(() => Assert.Equal(2, Api.Sent.Count(s => s.Method == HttpMethod.Get && s.Path == DevicePath)));
    }

    [Fact]
    public void A_suspended_device_is_offered_resume_and_a_decommissioned_one_nothing()
    {
        Api.On(HttpMethod.Get, DevicePath, () => FleetData.Device("Suspended", credential: false));
        var page = RenderOperator<DevicePage>(("Id", FleetData.DeviceId));

        page.WaitForAssertion(() => Assert.Equal(["Resume", "Decommission"], page.FindAll("[data-testid=device-actions] button").Select(b => b.TextContent.Trim())));
        Assert.Contains("enrol again", page.Find("[data-testid=credential]").TextContent);
    }

    [Fact]
    public void Saving_labels_asks_first_sends_them_whole_and_a_refused_label_is_said_on_its_row()
    {
        Api.On(HttpMethod.Put, DevicePath + "/labels", () => FleetData.Invalid(("labels[Site]", "must be lower-case letters, digits, '.', '_' or '-'")), HttpStatusCode.BadRequest);
        var page = RenderOperator<DevicePage>(("Id", FleetData.DeviceId));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=label-row]").Count));

        Press(page, "Add label");
        var row = page.FindAll("[data-testid=label-row]")[2];
        row.QuerySelectorAll("input")[0].Input("Site");
        page.FindAll("[data-testid=label-row]")[2].QuerySelectorAll("input")[1].Input("plant-7");
        Press(page, "Save labels");
        page.WaitForAssertion(() => page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Save").Click()));

        page.WaitForAssertion(() => Assert.Contains("must be lower-case", page.FindAll("[data-testid=label-row]")[2].TextContent));
        Assert.DoesNotContain("must be lower-case", page.FindAll("[data-testid=label-row]")[0].TextContent);
        var sent = Assert.Single(Api.BodiesOf(HttpMethod.Put, DevicePath + "/labels")).GetProperty("labels");
        Assert.Equal(["hw=jetson", "region=eu-west", "Site=plant-7"], sent.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
    }

    [Fact]
    public void An_unknown_device_is_the_portals_not_found()
    {
        var page = RenderAs<DevicePage>("Viewer", ("Id", Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=not-found]")));
    }
}
