using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Admin;

/// <summary>The policies page for one model: which policy applies to it, saving its own, and falling back to the environment's.</summary>
public sealed class PoliciesPageTests : AdminPageContext
{
    private static readonly ApprovalPolicyInfo Staging = new(
        "Staging", ["Approver"], 1, null, "test", [], [], 168, "platform", DateTimeOffset.UnixEpoch, true, "default");

    private static readonly ApprovalPolicyInfo Production = new(
        "Production", ["Approver"], 1, "fraud-data", "test", [new MetricGateInfo("rocAuc", "AtLeast", 0.9)], [], 168, "root", DateTimeOffset.UnixEpoch, false, "model", "fraud");

    public PoliciesPageTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/approval-policies", () => new[] { Staging, Production with { Scope = "environment", Model = null, GateDataset = null, Gates = [] } });
        Api.On(HttpMethod.Get, "/api/v1/models/fraud/approval-policies", () => new[] { Staging, Production });
        Api.On(HttpMethod.Put, "/api/v1/models/fraud/approval-policies/Staging", () => Staging with { Scope = "model", Model = "fraud", IsDefault = false });
        Api.On(HttpMethod.Delete, "/api/v1/models/fraud/approval-policies/Production", () => new { }, HttpStatusCode.NoContent);
    }

    [Fact]
    public void A_models_policies_say_whose_they_are_and_saving_gives_the_model_its_own()
    {
        var page = RenderSignedIn<Policies>("Admin");
        page.Find("#policy-model").Input("fraud");
        page.Find("[data-testid=policy-show]").Click();

        page.WaitForAssertion(() => Assert.Contains("fraud has its own Production policy", page.Find("[data-testid=policy-scope-production]").TextContent));
        Assert.Contains("under the environment's Staging policy", page.Find("[data-testid=policy-scope-staging]").TextContent);
        Button(page, "Save Staging policy").Click();

        page.WaitForAssertion(() => Assert.Single(Api.BodiesOf(HttpMethod.Put, "/api/v1/models/fraud/approval-policies/Staging")));
        Assert.Empty(Api.BodiesOf(HttpMethod.Put, "/api/v1/approval-policies/"));
    }

    [Fact]
    public void Using_the_environments_policy_again_removes_the_models_own()
    {
        var page = RenderSignedIn<Policies>("Admin");
        page.Find("#policy-model").Input("fraud");
        page.Find("[data-testid=policy-show]").Click();
        page.WaitForElement("[data-testid=policy-scope-production]");

        Button(page, "Use the environment's again").Click();

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Delete && s.Path == "/api/v1/models/fraud/approval-policies/Production"));
    }

    [Fact]
    public void A_model_typed_but_not_shown_cannot_be_saved_to_the_policies_on_screen()
    {
        var page = RenderSignedIn<Policies>("Admin");
        page.WaitForElement("[data-testid=policy-production]");

        page.Find("#policy-model").Input("fraud");

        page.WaitForAssertion(() => Assert.Contains("Press Show to edit fraud's policies", page.Find("[data-testid=policy-scope-pending]").TextContent));
        Assert.True(Button(page, "Save Production policy").HasAttribute("disabled"), "the environment's policy could be saved while the field names a model");
    }
}
