using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Fleet;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Fleet;

public sealed class RolloutsPageTests : DeploymentPageContext
{
    public RolloutsPageTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/fleet/rollouts", () => new Page<RolloutInfo>([FleetData.Rollout()], null));
        Api.On(HttpMethod.Post, "/api/v1/fleet/rollouts", () => FleetData.Rollout(), HttpStatusCode.Created);
    }

    [Fact]
    public void Each_rollout_shows_its_model_selector_state_and_wave_x_of_n_and_links_to_its_page()
    {
        var page = RenderAs<Rollouts>("Viewer");

        page.WaitForAssertion(() => Assert.Equal($"/fleet/rollouts/{FleetData.RolloutId}", page.Find("[data-testid=rollout-link]").GetAttribute("href")));
        Assert.Equal("detector v4", page.Find("[data-testid=rollout-link]").TextContent.Trim());
        Assert.Equal("wave 2 of 2 · 5 of 20 given", page.Find("[data-testid=rollout-wave]").TextContent.Trim());
        Assert.Equal("Running", page.Find("[data-testid=rollout-state]").TextContent.Trim());
        Assert.Contains("region=eu-west", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=new-rollout-panel]"));
    }

    [Fact]
    public void The_filters_send_the_model_and_state()
    {
        var page = RenderOperator<Rollouts>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=rollout-link]")));
        Assert.Single(page.FindAll("[data-testid=new-rollout-panel]"));

        page.Find("#rollouts-model").Input("detector");
        page.FindAll(".mud-input-control.mud-select").First(s => s.QuerySelector("#rollouts-state") is not null).MouseDown();
        page.WaitForAssertion(() => page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "Rolling back").Click());
        Press(page, "Filter");

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Path == "/api/v1/fleet/rollouts?limit=25&model=detector&state=RollingBack"));
    }

    [Fact]
    public void A_new_rollout_sends_its_plan_with_the_default_waves_and_what_was_typed()
    {
        RolloutInfo? started = null;
        var form = RenderOperator<NewRolloutForm>((nameof(NewRolloutForm.Started), Microsoft.AspNetCore.Components.EventCallback.Factory.Create<RolloutInfo>(this, r => started = r)));
        form.Find("#rollout-model").Input("detector");
        form.Find("#rollout-version").Change("4");
        form.Find("#rollout-selector").Input("region=eu-west");
        form.Find("#rollout-rate").Change("30");
        form.Find("#gate-max-failure").Change("5");
        form.Find("#health-max-p95").Change("250");
        Press(form, "Start rollout");

        form.WaitForAssertion(() => Assert.NotNull(started));
        var plan = Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/fleet/rollouts"));
        Assert.Equal(("detector", 4, "Production", "region=eu-west", "Rollback"), (plan.GetProperty("model").GetString(), plan.GetProperty("version").GetInt32(),
            plan.GetProperty("environment").GetString(), plan.GetProperty("selector").GetString(), plan.GetProperty("onFailure").GetString()));
        Assert.Equal([1.0, 10, 50, 100], plan.GetProperty("waves").EnumerateArray().Select(w => w.GetProperty("percent").GetDouble()));
        Assert.Equal((30, 5.0, 90.0, 250.0), (plan.GetProperty("rate").GetProperty("devicesPerMinute").GetInt32(), plan.GetProperty("gate").GetProperty("maxFailurePercent").GetDouble(),
            plan.GetProperty("gate").GetProperty("minReportingPercent").GetDouble(), plan.GetProperty("healthCheck").GetProperty("maxP95Milliseconds").GetDouble()));
    }

    [Fact]
    public void The_approval_switch_sends_require_approval()
    {
        var form = RenderOperator<NewRolloutForm>();
        form.Find("#rollout-model").Input("detector");
        form.Find("#rollout-version").Change("4");
        Press(form, "Start rollout");
        form.WaitForAssertion(() => Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/fleet/rollouts")));
        Assert.False(Api.BodiesOf(HttpMethod.Post, "/api/v1/fleet/rollouts").Single().GetProperty("requireApproval").GetBoolean());

        form.Find("#rollout-model").Input("detector");
        form.Find("#rollout-version").Change("4");
        form.Find("[data-testid=rollout-require-approval] input").Change(true);
        Press(form, "Start rollout");

        form.WaitForAssertion(() => Assert.True(Api.BodiesOf(HttpMethod.Post, "/api/v1/fleet/rollouts").Last().GetProperty("requireApproval").GetBoolean()));
    }

    [Fact]
    public void The_list_says_a_rollout_awaits_its_approval()
    {
        Api.On(HttpMethod.Get, "/api/v1/fleet/rollouts", () => new Page<RolloutInfo>([FleetData.Rollout("AwaitingApproval")], null));

        var page = RenderAs<Rollouts>("Viewer");

        page.WaitForAssertion(() => Assert.Equal("Awaiting approval", page.Find("[data-testid=rollout-state]").TextContent.Trim()));
    }

    [Theory]
    [InlineData(HttpStatusCode.UnprocessableEntity, "detector v4 is not approved into Production", "The rollout was not started: detector v4 is not approved into Production.")]
    [InlineData(HttpStatusCode.Conflict, "Model 'detector' has a rollout under way: let it finish, or abort it first.",
        "The rollout was not started: Model 'detector' has a rollout under way: let it finish, or abort it first.")]
    public void A_refusal_of_the_version_or_a_rollout_under_way_is_said_as_a_sentence(HttpStatusCode status, string detail, string sentence)
    {
        Api.On(HttpMethod.Post, "/api/v1/fleet/rollouts", () => FleetData.Problem((int)status, "Refused", detail), status);
        var form = RenderOperator<NewRolloutForm>();
        form.Find("#rollout-model").Input("detector");
        form.Find("#rollout-version").Change("4");
        Press(form, "Start rollout");

        form.WaitForAssertion(() => Assert.Equal(sentence, form.Find("[data-testid=inline-error]").TextContent.Trim()));
    }

    [Fact]
    public void A_plan_the_api_refuses_is_said_beside_the_wave_and_the_gate_field_it_names()
    {
        Api.On(HttpMethod.Post, "/api/v1/fleet/rollouts", () => FleetData.Invalid(
            ("waves[1].percent", "must be more than the wave before (50 %): waves are cumulative"), ("gate.maxFailurePercent", "must be between 0 and 100")),
            HttpStatusCode.BadRequest);
        var form = RenderOperator<NewRolloutForm>();
        form.Find("#rollout-model").Input("detector");
        form.Find("#rollout-version").Change("4");
        Press(form, "Start rollout");

        form.WaitForAssertion(() => Assert.Contains("waves are cumulative", form.FindAll("[data-testid=wave-row]")[1].TextContent));
        Assert.DoesNotContain("waves are cumulative", form.FindAll("[data-testid=wave-row]")[0].TextContent);
        Assert.Contains("must be between 0 and 100", form.Find("#gate-max-failure").ParentElement!.ParentElement!.ParentElement!.TextContent);
        Assert.Equal("The rollout was not started: see the fields marked.", form.Find("[data-testid=inline-error]").TextContent.Trim());
    }

    [Fact]
    public void Without_a_model_and_version_nothing_is_sent()
    {
        var form = RenderOperator<NewRolloutForm>();

        Press(form, "Start rollout");

        form.WaitForAssertion(() => Assert.Contains("Name the model to roll out.", form.Markup));
        Assert.Contains("Pick the version to roll out.", form.Markup);
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);
    }
}
