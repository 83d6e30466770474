using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Registry;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Pages;

/// <summary>The model pages' parts over the stub Api: the promotion form, the version badges and a version's own page.</summary>
public sealed class RegistryPagesTests : DeploymentPageContext
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    public RegistryPagesTests()
    {
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddScoped<BrowserDownloads>();
    }

    private static PromotionRequest Request(int version, string target, string by) => new(
        Guid.NewGuid(), "churn", version, target, "Pending", "why", by, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), 0, 1, [],
        new GateEvidence(DateTimeOffset.UnixEpoch, null, [], true), null);

    [Fact]
    public void The_promotion_form_defaults_to_staging_and_sends_only_once_confirmed()
    {
        (int Version, string Target, string Why)? sent = null;
        Func<int, string, string, Task<bool>> send = (v, t, j) => { sent = (v, t, j); return Task.FromResult(true); };
        var page = RenderAs<PromotionForm>("DataScientist", ("Model", "churn"), ("Versions", (IReadOnlyList<int>)[3, 2, 1]), ("OnRequest", send));

        page.Find("#promote-justification").Input("recall up 4 points");
        page.FindAll("[data-testid=promotion-form] button").Single(b => b.TextContent.Trim() == "Request").Click();

        page.WaitForAssertion(() => Assert.Contains("promote churn v3 to Staging", page.Find(".mud-dialog").TextContent));
        Assert.Null(sent);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Request Staging").Click();
        page.WaitForAssertion(() => Assert.Equal((3, "Staging", "recall up 4 points"), sent));
    }

    [Fact]
    public void The_promotion_forms_refusal_stays_under_it()
    {
        var page = RenderAs<PromotionForm>("DataScientist", ("Model", "churn"), ("Versions", (IReadOnlyList<int>)[1]), ("Error", "Gates failed: rocAuc >= 0.9 (rocAuc is 0.8)"));

        Assert.Equal("Gates failed: rocAuc >= 0.9 (rocAuc is 0.8)", page.Find("[data-testid=inline-error]").TextContent.Trim());
    }

    [Fact]
    public void A_version_with_a_pending_request_has_a_badge_and_an_archived_one_still_serving_says_so()
    {
        var status = new ModelStatus([Request(2, "Production", "ana")], new Dictionary<int, IReadOnlyList<string>> { [1] = ["churn-prod"] });

        var pending = Render<VersionBadges>(p => p.Add(x => x.Version, 2).Add(x => x.Stage, "Staging").Add(x => x.Status, status));
        var archived = Render<VersionBadges>(p => p.Add(x => x.Version, 1).Add(x => x.Stage, "Archived").Add(x => x.Status, status));
        var quiet = Render<VersionBadges>(p => p.Add(x => x.Version, 3).Add(x => x.Stage, "Development").Add(x => x.Status, status));

        Assert.Contains("pending → Production", pending.Find("[data-testid=pending-v2]").TextContent);
        Assert.Contains("Archived, still serving traffic (churn-prod)", archived.Find("[data-testid=archived-serving-v1]").TextContent);
        Assert.Empty(quiet.FindAll("[data-testid^=pending], [data-testid^=archived-serving]"));
    }

    [Fact]
    public void Your_own_pending_request_can_be_withdrawn_after_a_confirmation_and_others_cannot()
    {
        PromotionRequest? withdrawn = null;
        var mine = Request(2, "Staging", "datascientist");
        var page = RenderAs<PendingRequests>("DataScientist", ("Requests", (IReadOnlyList<PromotionRequest>)[mine, Request(1, "Production", "bob")]), ("Me", "datascientist"),
            ("CanWithdraw", true), ("OnWithdraw", Microsoft.AspNetCore.Components.EventCallback.Factory.Create<PromotionRequest>(this, r => withdrawn = r)));

        var withdraw = page.FindAll("[data-testid=pending-request] button");
        Assert.Single(withdraw);
        withdraw[0].Click();
        page.WaitForAssertion(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Withdraw").Click());

        page.WaitForAssertion(() => Assert.Equal(mine.Id, withdrawn?.Id));
    }

    [Fact]
    public void A_versions_page_shows_its_schema_lineage_tags_and_stage_history()
    {
        var lineage = JsonDocument.Parse("""{"runId":"0193a0a0-0000-7000-8000-0000000000aa","trainer":"LightGbm","datasetSha256":"abc"}""").RootElement.Clone();
        var inputs = JsonDocument.Parse("""[{"name":"features","type":"float","shape":[-1,30]}]""").RootElement.Clone();
        Api.On(HttpMethod.Get, "/api/v1/models/churn/versions/2", () => new ModelVersionInfo("churn", 2, "Staging", new string('b', 64), Empty, "# Card of v2", "ana",
            DateTimeOffset.UnixEpoch, lineage, inputs, Empty, new Dictionary<string, string> { ["team"] = "risk" }));
        Api.On(HttpMethod.Get, "/api/v1/models/churn/versions?", () => new Page<ModelVersionInfo>([], null));
        Api.On(HttpMethod.Get, "/api/v1/promotions?", () => new Page<PromotionRequest>([], null));
        Api.On(HttpMethod.Get, "/api/v1/deployments?", () => new Page<DeploymentInfo>([], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn/versions/2/evaluations", () => new Page<ModelEvaluation>([], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn/stage-history", () => new Page<StageTransition>(
            [new("churn", 2, "Development", "Staging", "bob", "approved", null, DateTimeOffset.UnixEpoch)], null));

        var page = RenderAs<ModelVersionPage>("Viewer", ("Name", "churn"), ("Version", 2));

        page.WaitForAssertion(() => Assert.Contains("features", page.Find("[data-testid=version-inputs]").TextContent));
        Assert.Contains("[-1, 30]", page.Find("[data-testid=version-inputs]").TextContent);
        Assert.Equal("/runs/0193a0a0-0000-7000-8000-0000000000aa", page.Find("[data-testid=version-lineage] a").GetAttribute("href"));
        Assert.Contains("team = risk", page.Find("[data-testid=version-tags]").TextContent);
        Assert.Contains("Card of v2", page.Find("[data-testid=model-card]").TextContent);
        page.WaitForAssertion(() => Assert.Equal("Development → Staging", page.Find("[data-testid=stage-change]").TextContent));
        Assert.Contains("v2", page.Find(".mud-breadcrumbs").TextContent);
    }

    [Fact]
    public void A_version_that_does_not_exist_is_the_portals_not_found()
    {
        var page = RenderAs<ModelVersionPage>("Viewer", ("Name", "churn"), ("Version", 9));

        page.WaitForAssertion(() => Assert.Contains("Model version not found", page.Find("[data-testid=not-found]").TextContent));
    }
}
