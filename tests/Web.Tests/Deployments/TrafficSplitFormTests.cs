using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

public sealed class TrafficSplitFormTests : DeploymentPageContext
{
    private DeploymentChange? _changed;

    [Fact]
    public void Weights_that_sum_to_zero_are_named_and_nothing_is_sent()
    {
        var form = RenderForm();
        form.Find("#traffic-0-weight").Input("0");
        form.Find("#traffic-reason").Input("drain");

        Press(form, "Change traffic");

        form.WaitForAssertion(() => Assert.Contains("The weights sum to 0", form.Markup));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Put);
    }

    [Fact]
    public void A_canary_alone_with_traffic_is_refused_and_a_second_canary_takes_the_mark_from_the_first()
    {
        var form = RenderForm();
        form.Find("[data-testid=traffic-0-canary]").Change(true);
        form.Find("#traffic-reason").Input("try it");

        Press(form, "Change traffic");

        form.WaitForAssertion(() => Assert.Contains("The canary cannot be the only version with traffic", form.Markup));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Put);

        var split = TrafficForm.From(Revision(1, new(1, 90, false), new(2, 10, true)));
        split.ToggleCanary(split.Rows[0]);
        Assert.Equal([true, false], split.Rows.Select(r => r.Canary));
        split.Rows[1].Canary = true;
        split.Reason = "two canaries";
        Assert.Equal("At most one version is the canary.", split.Problems()["canary"]);
    }

    [Fact]
    public void A_version_listed_twice_and_a_missing_reason_are_named_by_their_fields()
    {
        var split = TrafficForm.From(Revision(1, new(1, 90, false), new(1, 10, true)));

        var problems = split.Problems();

        Assert.Equal("Version 1 is listed twice.", problems["rows[1].version"]);
        Assert.Contains("Say why", problems["reason"]);
        Assert.False(problems.ContainsKey("rows[0].version"));
    }

    [Fact]
    public void A_valid_canary_split_is_sent_with_the_loaded_version_and_its_job_reported()
    {
        Api.On(HttpMethod.Put, "/api/v1/deployments/cancer", () => new DeploymentChange(Endpoint, Job()), HttpStatusCode.Accepted);
        var form = RenderForm();
        Press(form, "Add a version");
        form.WaitForElement("#traffic-1-weight");
        SetVersion(form, 1, "v2 · Production");
        form.Find("#traffic-0-weight").Input("90");
        form.Find("#traffic-1-weight").Input("10");
        form.Find("[data-testid=traffic-1-canary]").Change(true);
        form.Find("#traffic-reason").Input("canary v2");

        Press(form, "Change traffic");

        form.WaitForAssertion(() => Assert.NotNull(_changed));
        var body = Assert.Single(Api.BodiesOf(HttpMethod.Put, "/api/v1/deployments/cancer"));
        Assert.Equal([(1, 90, false), (2, 10, true)], body.GetProperty("versions").EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("weight").GetInt32(), v.GetProperty("canary").GetBoolean())));
        Assert.Equal("canary v2", body.GetProperty("reason").GetString());
        Assert.Equal("cancer-model", body.GetProperty("model").GetString());
        Assert.Equal("Deploy", _changed!.Job!.Kind);
    }

    [Fact]
    public void The_apis_refusal_of_an_unapproved_version_is_shown_beside_the_form()
    {
        Api.On(HttpMethod.Put, "/api/v1/deployments/cancer", () => new
        {
            title = "Unprocessable entity", status = 422, detail = "Version 2 is Staging and was never approved into Production; request a promotion first.",
        }, HttpStatusCode.UnprocessableEntity);
        var form = RenderForm();
        SetVersion(form, 0, "v2 · Production");
        form.Find("#traffic-reason").Input("v2 for all");

        Press(form, "Change traffic");

        form.WaitForAssertion(() => Assert.Contains("never approved into Production", form.Find("[data-testid=traffic-refusal]").TextContent));
        Assert.Null(_changed);
    }

    /// <summary>The form once the model's versions have arrived (a click on an element a later render replaced is lost).</summary>
    private Bunit.IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderForm()
    {
        var form = RenderOperator<TrafficSplitForm>(
            (nameof(TrafficSplitForm.Deployment), Endpoint),
            (nameof(TrafficSplitForm.Changed), EventCallback.Factory.Create<DeploymentChange>(this, c => _changed = c)));
        form.WaitForElement("[data-testid=traffic-form][data-loaded='1']");
        return form;
    }

    private static void SetVersion(Bunit.IRenderedComponent<Bunit.Rendering.ContainerFragment> form, int row, string option)
    {
        form.FindAll(".mud-input-control.mud-select")[row].MouseDown();
        form.WaitForAssertion(() => form.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains(option, StringComparison.Ordinal)).Click());
    }

    private static JobInfo Job() => new(Guid.NewGuid(), "Deploy", "Queued", null, "operator", 0, null, null, null, DateTimeOffset.UnixEpoch);
}
