using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Governance;

namespace Platform.Web.Tests;

public sealed class ApprovalPanelTests : PortalTestContext
{
    private static readonly PromotionRequest Pending = new(
        Guid.NewGuid(), "cancer", 2, "Production", "Pending", "better recall", "ana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), 1, 2,
        [new Decision("bob", true, "fine", DateTimeOffset.UnixEpoch)],
        new GateEvidence(DateTimeOffset.UnixEpoch, 1, [new GateResult("rocAuc >= 0.8", "rocAuc", 0.99, 0.8, true, "rocAuc is 0.99"), new GateResult("rmse regression <= 0.1 against the current holder", "rmse", 0.05, 0.1, true, "rmse 1.0 against 0.95 of version 1")], true),
        null);

    [Fact]
    public void It_shows_the_evidence_who_asked_why_and_the_decisions_so_far()
    {
        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, Pending).Add(x => x.CanDecide, true));

        Assert.Equal(2, panel.FindAll("[data-testid=gate-row]").Count);
        Assert.Contains("Gates passed", panel.Find("[data-testid=gates-summary]").TextContent);
        Assert.Contains("better recall", panel.Markup);
        Assert.Contains("Approvals: 1 of 2", panel.Markup);
        Assert.Contains("now in Production: v1", panel.Markup);
        Assert.Contains("bob approved: fine", panel.Markup);
    }

    [Fact]
    public void Reject_stays_disabled_until_a_comment_is_written_and_then_sends_it()
    {
        string? rejected = null;
        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, Pending).Add(x => x.CanDecide, true).Add(x => x.OnReject, (string c) => rejected = c));
        var reject = () => panel.FindAll("button").Single(b => b.TextContent.Contains("Reject"));

        Assert.True(reject().HasAttribute("disabled"));
        panel.Find($"#comment-{Pending.Id}").Input("AUC dropped on new data");
        reject().Click();

        Assert.Equal("AUC dropped on new data", rejected);
    }

    [Fact]
    public void Approve_sends_no_comment_when_none_is_written()
    {
        var approved = false;
        string? comment = "unset";
        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, Pending).Add(x => x.CanDecide, true).Add(x => x.OnApprove, (string? c) => (approved, comment) = (true, c)));

        panel.FindAll("button").Single(b => b.TextContent.Contains("Approve")).Click();

        Assert.True(approved);
        Assert.Null(comment);
    }

    [Fact]
    public void The_author_sees_why_they_cannot_decide_and_no_buttons()
    {
        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, Pending).Add(x => x.CanDecide, false).Add(x => x.Reason, "You made this request"));

        Assert.Empty(panel.FindAll("button"));
        Assert.Contains("You made this request", panel.Markup);
    }
}
