using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Federated;
using Platform.Web.Tests.Deployments;
using Platform.Web.Tests.Fleet;

namespace Platform.Web.Tests.Federated;

public sealed class NewFederationFormTests : DeploymentPageContext
{
    private FederationInfo? _started;

    public NewFederationFormTests() =>
        Api.On(HttpMethod.Post, "/api/v1/federations", () => FederationData.Federation("Waiting", 0, "Waiting for consenting sites"), HttpStatusCode.Created);

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderForm() => RenderAs<NewFederationForm>("DataScientist",
        (nameof(NewFederationForm.Experiments), (IReadOnlyList<Experiment>)[FederationData.Experiment()]),
        (nameof(NewFederationForm.Experiment), (Guid?)FederationData.ExperimentId),
        (nameof(NewFederationForm.Started), EventCallback.Factory.Create<FederationInfo>(this, f => _started = f)));

    private static void FillEssentials(IRenderedComponent<Bunit.Rendering.ContainerFragment> form)
    {
        form.Find("#fed-name").Input("readmission-eu");
        form.Find("#fed-dataset").Input("clinic-visits");
        form.Find("#fed-label").Input("readmitted");
    }

    private static void Pick(IRenderedComponent<Bunit.Rendering.ContainerFragment> form, string inputId, string option)
    {
        form.FindAll(".mud-input-control.mud-select").First(s => s.QuerySelector($"#{inputId}") is not null).MouseDown();
        form.WaitForAssertion(() => form.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim().StartsWith(option, StringComparison.Ordinal)).Click());
    }

    private JsonElement SentPlan(out JsonElement body)
    {
        body = Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/federations"));
        return body.GetProperty("plan");
    }

    [Fact]
    public void A_new_federation_sends_the_experiment_name_and_what_was_typed_with_the_apis_defaults_and_leaves_the_quorum_to_the_api()
    {
        var form = RenderForm();
        FillEssentials(form);
        form.Find("#fed-selector").Input("region=eu");
        Press(form, "Start federation");

        form.WaitForAssertion(() => Assert.NotNull(_started));
        var plan = SentPlan(out var body);
        Assert.Equal((FederationData.ExperimentId.ToString(), "readmission-eu"), (body.GetProperty("experimentId").GetString(), body.GetProperty("name").GetString()));
        Assert.Equal(("clinic-visits", "readmitted", "region=eu", 20), (plan.GetProperty("dataset").GetString(), plan.GetProperty("labelColumn").GetString(),
            plan.GetProperty("selector").GetString(), plan.GetProperty("rounds").GetInt32()));
        Assert.Equal(("Softmax", JsonValueKind.Null), (plan.GetProperty("model").GetProperty("kind").GetString(), plan.GetProperty("model").GetProperty("hidden").ValueKind));
        Assert.Equal((1.0, 2), (plan.GetProperty("sampling").GetProperty("fraction").GetDouble(), plan.GetProperty("sampling").GetProperty("minSites").GetInt32()));
        Assert.Equal((1, 32, 0.1), (plan.GetProperty("training").GetProperty("epochs").GetInt32(), plan.GetProperty("training").GetProperty("batchSize").GetInt32(),
            plan.GetProperty("training").GetProperty("learningRate").GetDouble()));
        Assert.Equal("FedAvg", plan.GetProperty("strategy").GetProperty("kind").GetString());
        Assert.All(["proximalMu", "serverLearningRate", "trimShare", "byzantine"], p => Assert.Equal(JsonValueKind.Null, plan.GetProperty("strategy").GetProperty(p).ValueKind));
        Assert.Equal(("Float32", JsonValueKind.Null), (plan.GetProperty("compression").GetProperty("encoding").GetString(), plan.GetProperty("compression").GetProperty("topK").ValueKind));
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("privacy").ValueKind);
        Assert.False(plan.GetProperty("secureAggregation").GetBoolean());
        Assert.Equal((300, JsonValueKind.Null, "Operator"), (plan.GetProperty("roundDeadlineSeconds").GetInt32(), plan.GetProperty("quorum").ValueKind, plan.GetProperty("admission").GetString()));
    }

    [Fact]
    public void A_strategy_sends_its_own_parameter_at_the_apis_default_and_an_mlp_its_hidden_units()
    {
        var form = RenderForm();
        FillEssentials(form);
        Pick(form, "fed-strategy", "FedProx");
        form.WaitForAssertion(() => Assert.Equal("0.01", form.Find("#fed-strategy-parameter").GetAttribute("value")));
        Pick(form, "fed-model", "MLP");
        form.WaitForAssertion(() => Assert.Equal("32", form.Find("#fed-hidden").GetAttribute("value")));
        Press(form, "Start federation");

        form.WaitForAssertion(() => Assert.NotNull(_started));
        var plan = SentPlan(out _);
        Assert.Equal(("FedProx", 0.01, JsonValueKind.Null), (plan.GetProperty("strategy").GetProperty("kind").GetString(),
            plan.GetProperty("strategy").GetProperty("proximalMu").GetDouble(), plan.GetProperty("strategy").GetProperty("serverLearningRate").ValueKind));
        Assert.Equal(("Mlp", 32), (plan.GetProperty("model").GetProperty("kind").GetString(), plan.GetProperty("model").GetProperty("hidden").GetInt32()));
    }

    [Fact]
    public void Privacy_secure_aggregation_int8_and_a_quorum_are_sent_as_chosen()
    {
        var form = RenderForm();
        FillEssentials(form);
        form.Find("[data-testid=fed-privacy] input").Change(true);
        form.WaitForAssertion(() => form.Find("#fed-epsilon-budget").Change("8"));
        form.Find("#fed-noise").Change("1.1");
        form.Find("[data-testid=fed-secure-aggregation] input").Change(true);
        Pick(form, "fed-encoding", "int8");
        form.Find("#fed-quorum").Change("3");
        Press(form, "Start federation");

        form.WaitForAssertion(() => Assert.NotNull(_started));
        var plan = SentPlan(out _);
        var privacy = plan.GetProperty("privacy");
        Assert.Equal((1.0, 1.1, 1e-5, 8.0), (privacy.GetProperty("clipNorm").GetDouble(), privacy.GetProperty("noiseMultiplier").GetDouble(),
            privacy.GetProperty("delta").GetDouble(), privacy.GetProperty("epsilonBudget").GetDouble()));
        Assert.Equal((true, "Int8", 3), (plan.GetProperty("secureAggregation").GetBoolean(), plan.GetProperty("compression").GetProperty("encoding").GetString(),
            plan.GetProperty("quorum").GetInt32()));
    }

    [Fact]
    public void The_apis_complaint_about_plan_quorum_is_said_beside_the_quorum_field()
    {
        Api.On(HttpMethod.Post, "/api/v1/federations", () => FleetData.Invalid(("plan.quorum", "must be 1 to the round's minimum of sites (2)")), HttpStatusCode.BadRequest);
        var form = RenderForm();
        FillEssentials(form);
        form.Find("#fed-quorum").Change("5");
        Press(form, "Start federation");

        form.WaitForAssertion(() => Assert.Contains("must be 1 to the round's minimum of sites (2)", form.Find("#fed-quorum").ParentElement!.ParentElement!.ParentElement!.TextContent));
        Assert.DoesNotContain("minimum of sites", form.Find("#fed-deadline").ParentElement!.ParentElement!.ParentElement!.TextContent);
        Assert.Equal("The federation was not started: see the fields marked.", form.Find("[data-testid=inline-error]").TextContent.Trim());
        Assert.Null(_started);
    }

    [Fact]
    public void A_complaint_about_a_field_the_form_does_not_show_is_said_whole()
    {
        Api.On(HttpMethod.Post, "/api/v1/federations", () => FleetData.Invalid(("plan.maxRoundAttempts", "must be 1 to 10")), HttpStatusCode.BadRequest);
        var form = RenderForm();
        FillEssentials(form);
        Press(form, "Start federation");

        form.WaitForAssertion(() => Assert.Contains("plan.maxRoundAttempts must be 1 to 10", form.Find("[data-testid=inline-error]").TextContent));
    }

    [Fact]
    public void Without_a_name_dataset_and_label_column_nothing_is_sent()
    {
        var form = RenderForm();

        Press(form, "Start federation");

        form.WaitForAssertion(() => Assert.Contains("Name the federation.", form.Markup));
        Assert.Contains("Name the local dataset each site trains on.", form.Markup);
        Assert.Contains("Name the column the model predicts.", form.Markup);
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);
    }

    [Fact]
    public void The_new_federation_page_tells_a_viewer_who_defines_them_and_loads_nothing()
    {
        var page = RenderAs<NewFederation>("Viewer");

        page.WaitForAssertion(() => Assert.Contains("Only a DataScientist", page.Find("[data-testid=new-federation-refused]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=new-federation]"));
        Assert.Empty(Api.Sent);
    }
}
