using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Governance;
using Platform.Web.Components.Shared;

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
    public void Reject_stays_disabled_until_a_comment_is_written_and_then_sends_it_once_confirmed()
    {
        string? rejected = null;
        var page = WithDialogs(("Request", Pending), ("CanDecide", true), ("OnReject", EventCallback.Factory.Create<string>(this, c => rejected = c)));
        var reject = () => page.FindAll("[data-testid=approval-panel] button").Single(b => b.TextContent.Contains("Reject"));

        Assert.True(reject().HasAttribute("disabled"));
        page.Find($"#comment-{Pending.Id}").Input("AUC dropped on new data");
        reject().Click();
        Assert.Null(rejected);
        Confirm(page, "Reject");

        page.WaitForAssertion(() => Assert.Equal("AUC dropped on new data", rejected));
    }

    [Fact]
    public void Approve_asks_first_and_sends_no_comment_when_none_is_written()
    {
        var approved = false;
        string? comment = "unset";
        var page = WithDialogs(("Request", Pending), ("CanDecide", true), ("OnApprove", EventCallback.Factory.Create<string?>(this, c => (approved, comment) = (true, c))));

        page.FindAll("[data-testid=approval-panel] button").Single(b => b.TextContent.Contains("Approve")).Click();
        page.WaitForAssertion(() => Assert.Contains("A decision is final", page.Find(".mud-dialog").TextContent));
        Assert.False(approved);
        Confirm(page, "Approve");

        page.WaitForAssertion(() => Assert.True(approved));
        Assert.Null(comment);
    }

    [Fact]
    public void Cancelling_the_confirmation_decides_nothing()
    {
        var approved = false;
        var page = WithDialogs(("Request", Pending), ("CanDecide", true), ("OnApprove", EventCallback.Factory.Create<string?>(this, _ => approved = true)));

        page.FindAll("[data-testid=approval-panel] button").Single(b => b.TextContent.Contains("Approve")).Click();
        Confirm(page, "Cancel");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.False(approved);
    }

    [Fact]
    public void A_policy_without_gates_reads_no_gates_not_gates_passed()
    {
        var ungated = Pending with { RequestEvidence = new GateEvidence(DateTimeOffset.UnixEpoch, null, [], true) };

        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, ungated).Add(x => x.CanDecide, true));

        Assert.Equal("No gates", panel.Find("[data-testid=gates-summary]").TextContent.Trim());
        Assert.Single(panel.FindAll("[data-testid=no-gates]"));
        Assert.Empty(panel.FindAll("[data-testid=gate-row]"));
    }

    [Fact]
    public void The_candidates_metrics_show_beside_the_stage_holders()
    {
        IReadOnlyList<MetricDelta> metrics = [new("auc", 0.97, 0.95, 0.02, Verdict.Better)];

        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, Pending).Add(x => x.CanDecide, true).Add(x => x.Metrics, metrics));

        var table = panel.Find("[data-testid=evaluation-comparison]");
        Assert.Contains("v2 (candidate)", table.TextContent);
        Assert.Contains("v1 (in Production)", table.TextContent);
        Assert.Equal("better", panel.Find("[data-testid=metric-row]").GetAttribute("data-verdict")!.ToLowerInvariant());
    }

    [Fact]
    public void Without_a_stage_holder_the_candidates_metrics_stand_alone()
    {
        var first = Pending with { RequestEvidence = Pending.RequestEvidence with { HolderVersion = null } };
        IReadOnlyList<MetricDelta> metrics = [new("auc", 0.97, null, null, Verdict.Unknown)];

        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, first).Add(x => x.CanDecide, true).Add(x => x.Metrics, metrics));

        Assert.Empty(panel.FindAll("[data-testid=evaluation-comparison]"));
        Assert.Equal(["auc", "0.97"], panel.FindAll("[data-testid=candidate-metrics] tbody td").Select(c => c.TextContent));
    }

    private IRenderedComponent<ContainerFragment> WithDialogs(params (string Name, object Value)[] parameters) => Render(b =>
    {
        b.OpenComponent<MudDialogProvider>(0);
        b.CloseComponent();
        b.OpenComponent<ApprovalPanel>(1);
        foreach (var (name, value) in parameters)
        {
            b.AddAttribute(2, name, value);
        }

        b.CloseComponent();
    });

    private static void Confirm(IRenderedComponent<ContainerFragment> page, string button) =>
        page.WaitForAssertion(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == button).Click());

    [Fact]
    public void The_author_sees_why_they_cannot_decide_and_no_buttons()
    {
        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Request, Pending).Add(x => x.CanDecide, false).Add(x => x.Reason, "You made this request"));

        Assert.Empty(panel.FindAll("button"));
        Assert.Contains("You made this request", panel.Markup);
    }
}
