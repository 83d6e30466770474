using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Federated;
using Platform.Web.Tests.Deployments;
using Platform.Web.Tests.Fleet;

namespace Platform.Web.Tests.Federated;

public sealed class FederationPageTests : DeploymentPageContext
{
    private FederationInfo _now = FederationData.Federation("Waiting", 0, "Waiting for sites: 1 of the 4 a round needs consent, are active and hold dataset 'clinic-visits'");

    public FederationPageTests()
    {
        // The latest rule wins: the federation's own path first, then its rounds and sites under it.
        Api.On(HttpMethod.Get, FederationData.Path, () => _now);
        Api.On(HttpMethod.Get, FederationData.Path + "/rounds", () => new Page<FederationRoundInfo>(
            [FederationData.Round(3, "Open"), FederationData.Round(2, "Aggregated", attempt: 2), FederationData.Round(2, "Failed", reason: "1 of its 4 sites sent an update by the deadline; it needs 3")],
            null));
        Api.On(HttpMethod.Get, FederationData.Path + "/sites", () => new Page<FederationSiteInfo>([FederationData.Site(), FederationData.Site(consents: false) with { DeviceId = Guid.NewGuid(), Device = "clinic-lyon" }], null));
        Api.On(HttpMethod.Get, $"/api/v1/experiments/{FederationData.ExperimentId}", FederationData.Experiment);
        Api.On(HttpMethod.Get, $"/api/v1/runs/{FederationData.RunId}/metrics/history", () => FederationData.Accuracy(0.61, 0.74, 0.8125));
        Api.On(HttpMethod.Get, "/api/v1/fleet/devices", () => new Page<DeviceInfo>([FleetData.Device(), FleetData.Device() with { Id = Guid.NewGuid(), Name = "clinic-lyon" }], null));
        Api.On(HttpMethod.Post, FederationData.Path + "/cancel", () => _now = _now with { State = "Cancelled", Reason = "Cancelled by scientist" });
        Api.On(HttpMethod.Post, FederationData.Path + "/sites", () => new AdmittedSitesInfo(1, 0));
    }

    private int Reads => Api.Sent.Count(s => s.Method == HttpMethod.Get && s.Path == FederationData.Path);

    private static string Row(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string key) => page.Find($"[data-testid=plan-{key}] td").TextContent.Trim();

    [Fact]
    public void A_waiting_federation_shows_why_its_progress_and_its_plan_and_a_viewer_is_offered_nothing()
    {
        var page = RenderAs<FederationPage>("Viewer", ("Id", FederationData.FederationId));

        page.WaitForAssertion(() => Assert.Equal("Waiting", page.Find("[data-testid=federation-state]").TextContent.Trim()));
        Assert.Contains("Waiting for sites: 1 of the 4", page.Find("[data-testid=federation-reason]").TextContent);
        Assert.Equal("0 of 10 rounds done", page.Find("[data-testid=federation-rounds-done]").TextContent.Trim());
        Assert.Equal("ε spent: — of 8", page.Find("[data-testid=federation-epsilon]").TextContent.Trim());
        Assert.Equal("MLP, one hidden layer of 16 units", Row(page, "model"));
        Assert.Equal("clinic-visits", Row(page, "dataset"));
        Assert.Equal("readmitted", Row(page, "label"));
        Assert.Equal("the devices region=eu picks, admitted by an Operator", Row(page, "selector"));
        Assert.Equal("50 % of the available sites, at least 4", Row(page, "sampling"));
        Assert.Equal("2 epochs in batches of 64 at learning rate 0.05", Row(page, "training"));
        Assert.Equal("FedProx (μ 0.01)", Row(page, "strategy"));
        Assert.Equal("int8, stochastic rounding", Row(page, "compression"));
        Assert.Equal("central DP: clipped to 1, noise ×1.1, δ 1e-05, stops before ε passes 8", Row(page, "privacy"));
        Assert.StartsWith("on:", Row(page, "secure-aggregation"));
        Assert.Equal("2 min 0 s", Row(page, "deadline"));
        Assert.Equal("3 updates a round", Row(page, "quorum"));
        Assert.Equal($"/runs/{FederationData.RunId}", page.Find("[data-testid=open-run]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=federation-actions]"));
        Assert.Empty(page.FindAll("[data-testid=federation-accuracy-chart]"));
    }

    [Fact]
    public void The_rounds_show_updates_of_sites_bytes_accuracy_and_epsilon_newest_first_with_a_failed_attempts_reason_and_the_sites_their_consent()
    {
        _now = FederationData.Federation("Running", 2);
        var page = RenderAs<FederationPage>("Viewer", ("Id", FederationData.FederationId));

        page.WaitForAssertion(() => Assert.Equal(["3", "2", "2"], page.FindAll("[data-testid=round-number]").Select(n => n.TextContent.Trim())));
        Assert.Equal(["Open", "Aggregated", "Failed"], page.FindAll("[data-testid=round-state]").Select(s => s.TextContent.Trim()));
        Assert.Equal(["4 of 4", "4 of 4", "1 of 4"], page.FindAll("[data-testid=round-updates]").Select(s => s.TextContent.Trim()));
        Assert.Equal("3.5 KiB", page.FindAll("[data-testid=round-bytes]")[1].TextContent.Trim());
        Assert.Equal(["—", "81.25 %", "—"], page.FindAll("[data-testid=round-accuracy]").Select(s => s.TextContent.Trim()));
        Assert.Equal("0.9", page.FindAll("[data-testid=round-epsilon]")[1].TextContent.Trim());
        Assert.Contains("(attempt 2)", page.FindAll("[data-testid=federation-rounds] tbody tr")[1].TextContent);
        Assert.Equal("1 of its 4 sites sent an update by the deadline; it needs 3", Assert.Single(page.FindAll("[data-testid=round-reason]")).TextContent.Trim());
        page.WaitForAssertion(() => Assert.Equal(["Consents", "Left"], page.FindAll("[data-testid=site-consent]").Select(s => s.TextContent.Trim())));
        Assert.Equal($"/fleet/devices/{FederationData.DeviceId}", page.Find("[data-testid=site-link]").GetAttribute("href"));
        Assert.Equal("2 features, 2 classes", page.Find("[data-testid=federation-shape]").TextContent.Trim());
    }

    [Fact]
    public void Validation_accuracy_over_the_rounds_is_charted_from_the_runs_metric_once_a_round_was_aggregated()
    {
        _now = FederationData.Federation("Running", 3);
        var page = RenderAs<FederationPage>("Viewer", ("Id", FederationData.FederationId));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=federation-accuracy-chart] polyline[data-series='federated.validation_accuracy']")));
        Assert.Contains(Api.Sent, s => s.Path == $"/api/v1/runs/{FederationData.RunId}/metrics/history?key=federated.validation_accuracy&limit=1000");
        Assert.Equal("round", page.Find("[data-testid=chart-x-label]").TextContent.Trim());
        Assert.Equal("ε spent: 1.25 of 8", page.Find("[data-testid=federation-epsilon]").TextContent.Trim());
    }

    [Fact]
    public void A_running_federation_is_read_again_on_a_timer()
    {
        _now = FederationData.Federation("Running", 1);
        var page = RenderAs<FederationPage>("Viewer", ("Id", FederationData.FederationId));
        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("[data-testid=federation-state]").TextContent.Trim()));

        _now = _now with { CompletedRounds = 2 };

        page.WaitForAssertion(() => Assert.Equal("2 of 10 rounds done", page.Find("[data-testid=federation-rounds-done]").TextContent.Trim()),
            TimeSpan.FromSeconds(FederationPage.PollSeconds * 3));
        Assert.True(Reads >= 2, $"read {Reads} times");
    }

    [Fact]
    public void Cancel_asks_first_keeping_it_sends_nothing_and_a_confirmed_cancel_is_posted()
    {
        var page = RenderAs<FederationPage>("DataScientist", ("Id", FederationData.FederationId));
        page.WaitForAssertion(() => Assert.Equal(["Cancel federation"], page.FindAll("[data-testid=federation-actions] button").Select(b => b.TextContent.Trim())));

        Press(page, "Cancel federation");
        page.WaitForAssertion(() => Assert.Contains("This cannot be undone", page.Find(".mud-dialog").TextContent));
        Press(page, "Keep it");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);

        Press(page, "Cancel federation");
        page.WaitForAssertion(() => page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel federation").Click()));

        page.WaitForAssertion(() => Assert.Single(Api.Sent, s => s.Method == HttpMethod.Post && s.Path == FederationData.Path + "/cancel"));
        page.WaitForAssertion(() => Assert.Equal("Cancelled", page.Find("[data-testid=federation-state]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=federation-actions]"));
    }

    [Fact]
    public void An_operator_admits_the_devices_ticked_among_those_the_federations_selector_picks()
    {
        var page = RenderOperator<FederationPage>(("Id", FederationData.FederationId));
        page.WaitForAssertion(() => Assert.Equal(["Admit sites"], page.FindAll("[data-testid=federation-actions] button").Select(b => b.TextContent.Trim())));

        Press(page, "Admit sites");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=admit-device]").Count));
        Assert.Contains(Api.Sent, s => s.Path == "/api/v1/fleet/devices?limit=100&selector=region%3Deu");
        Assert.True(Button(page, "Admit 0 sites").HasAttribute("disabled"), "admitting is offered before any device is ticked");
        page.Find($"[data-testid=admit-device][data-device='{FleetData.DeviceId}'] input").Change(true);
        Press(page, "Admit 1 site");

        page.WaitForAssertion(() => Assert.Equal([FleetData.DeviceId.ToString()],
            Assert.Single(Api.BodiesOf(HttpMethod.Post, FederationData.Path + "/sites")).GetProperty("deviceIds").EnumerateArray().Select(i => i.GetString())));
    }

    [Fact]
    public void An_ended_federation_offers_no_action_even_to_an_operator()
    {
        _now = FederationData.Federation("Completed", 10);

        var page = RenderOperator<FederationPage>(("Id", FederationData.FederationId));

        page.WaitForAssertion(() => Assert.Equal("Completed", page.Find("[data-testid=federation-state]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=federation-actions]"));
    }

    [Fact]
    public void An_unknown_federation_is_the_portals_404()
    {
        Api.On(HttpMethod.Get, FederationData.Path, () => FleetData.Problem(404, "Not found", "Federation not found"), System.Net.HttpStatusCode.NotFound);

        var page = RenderAs<FederationPage>("Viewer", ("Id", FederationData.FederationId));

        page.WaitForAssertion(() => Assert.Contains("Go to the federations", page.Markup));
    }
}
