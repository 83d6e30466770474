using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Fleet;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Fleet;

public sealed class RolloutPageTests : DeploymentPageContext
{
    private static readonly string RolloutPath = $"/api/v1/fleet/rollouts/{FleetData.RolloutId}";

    private RolloutInfo _now = FleetData.Rollout("Paused", "wave 2 failed its gate: 3 of 18 devices failed (16.7 %, at most 10 %)");

    public RolloutPageTests()
    {
        Api.On(HttpMethod.Get, RolloutPath, () => _now);
        Api.On(HttpMethod.Get, RolloutPath + "/devices", () => new Page<RolloutTargetInfo>([FleetData.Target()], null));
        Api.On(HttpMethod.Post, RolloutPath + "/", () => _now with { State = "Aborted" });
    }

    private static JsonElement Event(string type, Guid rollout) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new { type, data = new { rolloutId = rollout, model = "detector", state = "Completed" } })).RootElement.Clone();

    private int Reads => Api.Sent.Count(s => s.Method == HttpMethod.Get && s.Path == RolloutPath);

    [Fact]
    public void The_waves_are_stacked_by_device_status_with_the_gates_figures_the_reason_and_the_devices()
    {
        var page = RenderAs<RolloutPage>("Viewer", ("Id", FleetData.RolloutId));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=wave]").Count));
        Assert.Equal(["Healthy:2"], page.FindAll("[data-wave='1'] [data-testid=segment]").Select(s => $"{s.GetAttribute("data-status")}:{s.GetAttribute("data-devices")}"));
        Assert.Equal(["Pending:15", "Assigned:1", "Downloading:1", "Applied:1"],
            page.FindAll("[data-wave='2'] [data-testid=segment]").Select(s => $"{s.GetAttribute("data-status")}:{s.GetAttribute("data-devices")}"));
        Assert.Equal("width: 83.333%", page.Find("[data-wave='2'] [data-testid=segment][data-status=Pending]").GetAttribute("style"));
        Assert.Contains("wave 2 failed its gate", page.Find("[data-testid=rollout-reason]").TextContent);
        Assert.Equal("0.50 % (≤ 5.00 %)", page.FindAll("[data-testid=gate-error-rate]")[0].TextContent.Trim());
        Assert.Equal("21.5 ms (≤ 1.2× previous)", page.FindAll("[data-testid=gate-p95]")[0].TextContent.Trim());
        Assert.StartsWith("2 of 2 (100 %", page.FindAll("[data-testid=gate-reporting]")[0].TextContent.Trim());
        page.WaitForAssertion(() => Assert.Equal($"/fleet/devices/{FleetData.DeviceId}", page.Find("[data-testid=target-link]").GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-testid=rollout-actions]"));
    }

    [Fact]
    public async Task A_rollout_event_about_it_refreshes_the_page_and_one_about_another_rollout_does_not()
    {
        var page = RenderAs<RolloutPage>("Viewer", ("Id", FleetData.RolloutId));
        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find("[data-testid=rollout-state]").TextContent.Trim()));
        Assert.Contains(Live.NotificationsHub.Invoked, i => i.Method == "SubscribeToModel" && (string)i.Argument! == "detector");
        var before = Reads;

        _now = _now with { State = "Completed", Reason = "" };
        await page.InvokeAsync(() => Live.NotificationsHub.PushAsync("Notification", Event("rollout.completed", Guid.NewGuid())));
        await page.InvokeAsync(() => Live.NotificationsHub.PushAsync("Notification", Event("deployment.changed", FleetData.RolloutId)));
        Assert.Equal(before, Reads);
        Assert.Equal("Paused", page.Find("[data-testid=rollout-state]").TextContent.Trim());

        await page.InvokeAsync(() => Live.NotificationsHub.PushAsync("Notification", Event("rollout.completed", FleetData.RolloutId)));

        page.WaitForAssertion(() => Assert.Equal("Completed", page.Find("[data-testid=rollout-state]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=rollout-reason]"));
    }

    [Fact]
    public void A_running_rollout_is_read_again_on_a_timer_as_its_devices_move()
    {
        _now = FleetData.Rollout("Running");
        var page = RenderAs<RolloutPage>("Viewer", ("Id", FleetData.RolloutId));
        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("[data-testid=rollout-state]").TextContent.Trim()));

        _now = _now with { Assigned = 20 };

        page.WaitForAssertion(() => Assert.True(Reads >= 2, $"read {Reads} times"), TimeSpan.FromSeconds(RolloutPage.PollSeconds * 3));
    }

    [Fact]
    public void Abort_asks_first_cancel_sends_nothing_and_a_confirmed_abort_is_posted_with_the_reason()
    {
        var page = RenderOperator<RolloutPage>(("Id", FleetData.RolloutId));
        page.WaitForAssertion(() => Assert.Equal(["Resume", "Abort", "Roll back"], page.FindAll("[data-testid=rollout-actions] button").Select(b => b.TextContent.Trim())));

        Press(page, "Abort");
        page.WaitForAssertion(() => Assert.Contains("Nobody else gets the version", page.Find(".mud-dialog").TextContent));
        Press(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);

        page.Find("#rollout-reason").Input("v4 is slow on Orin");
        Press(page, "Abort");
        page.WaitForAssertion(() => page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Abort").Click()));

        page.WaitForAssertion(() => Assert.Equal("v4 is slow on Orin",
            Assert.Single(Api.BodiesOf(HttpMethod.Post, RolloutPath + "/abort")).GetProperty("reason").GetString()));
    }
}
