using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Fleet;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Fleet;

/// <summary>A rollout awaiting its approval on its page: Approvers approve or reject it (each asked first), others are told it waits.</summary>
public sealed class RolloutApprovalTests : DeploymentPageContext
{
    private static readonly string RolloutPath = $"/api/v1/fleet/rollouts/{FleetData.RolloutId}";

    private RolloutInfo _now = FleetData.Rollout("AwaitingApproval") with { Assigned = 0, CurrentWave = 0, RequiresApproval = true };

    public RolloutApprovalTests()
    {
        Api.On(HttpMethod.Get, RolloutPath, () => _now);
        Api.On(HttpMethod.Get, RolloutPath + "/devices", () => new Page<RolloutTargetInfo>([], null));
        Api.On(HttpMethod.Post, RolloutPath + "/approve", () => _now = _now with { State = "Running", ApprovedBy = "approver", ApprovedAt = DateTimeOffset.UnixEpoch });
        Api.On(HttpMethod.Post, RolloutPath + "/reject", () => _now = _now with { State = "Rejected", Reason = "not during the freeze (approver)" });
    }

    private static string[] Buttons(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string panel) =>
        [.. page.FindAll($"[data-testid={panel}] button").Select(b => b.TextContent.Trim())];

    [Fact]
    public void An_approver_is_offered_approve_and_reject_and_not_the_operators_actions()
    {
        var page = RenderAs<RolloutPage>("Approver", ("Id", FleetData.RolloutId));

        page.WaitForAssertion(() => Assert.Equal(["Approve", "Reject"], Buttons(page, "rollout-approval")));
        Assert.Equal("Awaiting approval", page.Find("[data-testid=rollout-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=rollout-actions]"));
    }

    [Fact]
    public void A_viewer_is_told_it_waits_for_an_approval_and_offered_nothing()
    {
        var page = RenderAs<RolloutPage>("Viewer", ("Id", FleetData.RolloutId));

        page.WaitForAssertion(() => Assert.Contains("Awaiting approval", page.Find("[data-testid=rollout-awaiting]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=rollout-approval]"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Approve" or "Reject");
    }

    [Fact]
    public void An_operator_without_approver_may_only_abort_it()
    {
        var page = RenderOperator<RolloutPage>(("Id", FleetData.RolloutId));

        page.WaitForAssertion(() => Assert.Equal(["Abort"], Buttons(page, "rollout-actions")));
        Assert.Empty(page.FindAll("[data-testid=rollout-approval]"));
    }

    [Fact]
    public void Its_starter_holding_approver_is_told_someone_else_must_decide_and_offered_no_buttons()
    {
        _now = _now with { CreatedBy = "approver" };

        var page = RenderAs<RolloutPage>("Approver", ("Id", FleetData.RolloutId));

        page.WaitForAssertion(() => Assert.Contains("someone else must approve", page.Find("[data-testid=rollout-approval-own]").TextContent));
        Assert.Empty(Buttons(page, "rollout-approval"));
    }

    [Fact]
    public void Approve_asks_first_cancel_sends_nothing_and_a_confirmed_approval_is_posted_with_the_comment_and_shown()
    {
        var page = RenderAs<RolloutPage>("Approver", ("Id", FleetData.RolloutId));
        page.WaitForAssertion(() => Assert.Equal(["Approve", "Reject"], Buttons(page, "rollout-approval")));

        Press(page, "Approve");
        page.WaitForAssertion(() => Assert.Contains("It starts now", page.Find(".mud-dialog").TextContent));
        Press(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.DoesNotContain(Api.Sent, s => s.Method == HttpMethod.Post);

        page.Find("#rollout-approval-comment").Input("change window open");
        Press(page, "Approve");
        page.WaitForAssertion(() => page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Approve").Click()));

        page.WaitForAssertion(() => Assert.Equal("change window open",
            Assert.Single(Api.BodiesOf(HttpMethod.Post, RolloutPath + "/approve")).GetProperty("comment").GetString()));
        page.WaitForAssertion(() => Assert.Contains("approved 1970-01-01 00:00:00Z by approver", page.Find("[data-testid=rollout-approved]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=rollout-approval]"));
    }

    [Fact]
    public async Task Reject_asks_for_a_comment_in_a_dialog_and_posts_it()
    {
        var page = RenderAs<RolloutPage>("Approver", ("Id", FleetData.RolloutId));
        page.WaitForAssertion(() => Assert.Equal(["Approve", "Reject"], Buttons(page, "rollout-approval")));

        Press(page, "Reject");
        page.WaitForAssertion(() => Assert.True(RejectButton(page).HasAttribute("disabled"), "Reject is offered before a comment is typed"));
        page.Find("#reject-rollout-comment").Input("not during the freeze");
        page.WaitForAssertion(() => Assert.False(RejectButton(page).HasAttribute("disabled")));
        await page.InvokeAsync(() => RejectButton(page).Click());

        page.WaitForAssertion(() => Assert.Equal("not during the freeze",
            Assert.Single(Api.BodiesOf(HttpMethod.Post, RolloutPath + "/reject")).GetProperty("comment").GetString()));
        Assert.DoesNotContain(Api.Sent, s => s.Path.EndsWith("/approve", StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Rejected: not during the freeze", page.Find("[data-testid=rollout-reason]").TextContent));
    }

    private static AngleSharp.Dom.IElement RejectButton(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        page.FindAll("[data-testid=reject-rollout-dialog] button, .mud-dialog button").Last(b => b.TextContent.Trim() == "Reject");
}
