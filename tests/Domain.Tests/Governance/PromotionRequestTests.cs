using Platform.Domain.Common;
using Platform.Domain.Governance;
using Platform.Domain.Registry;
using static Platform.Domain.Tests.Governance.GovernanceTestData;

namespace Platform.Domain.Tests.Governance;

public sealed class PromotionRequestTests
{
    [Fact]
    public void Distinct_approvers_other_than_the_author_close_it_at_the_required_count_with_final_evidence()
    {
        var request = Request(approvals: 2);
        var policy = Policy();

        Assert.False(request.Approve(Bob, "ok", () => throw new InvalidOperationException("checked too early"), Now));
        Assert.Throws<DomainException>(() => request.Approve(Bob, "again", () => Passing(policy), Now));
        Assert.True(request.Approve(Cat, null, () => Passing(policy), Now.AddMinutes(1)));

        Assert.Equal(PromotionStatus.Approved, request.Status);
        Assert.Equal(2, request.Approvals);
        Assert.Equal("cat", request.ClosedBy);
        Assert.NotNull(request.FinalEvidenceJson);
        Assert.Throws<DomainException>(() => request.Reject(Bob, "too late", Now));
    }

    [Fact]
    public void The_author_can_neither_approve_nor_reject_their_own_request()
    {
        var request = Request();

        Assert.Throws<SelfApprovalException>(() => request.Approve(Ana with { Name = "renamed" }, null, () => Passing(Policy()), Now));
        Assert.Throws<SelfApprovalException>(() => request.Reject(Ana, "no", Now));
        Assert.Empty(request.Decisions);
    }

    [Fact]
    public void A_rejection_needs_a_comment_and_closes_the_request()
    {
        var request = Request();

        Assert.Equal("promotion.comment", Assert.Throws<DomainException>(() => request.Reject(Bob, " ", Now)).Code);
        request.Reject(Bob, "AUC too low on the new data", Now);

        Assert.Equal(PromotionStatus.Rejected, request.Status);
        Assert.False(Assert.Single(request.Decisions).Approved);
    }

    [Fact]
    public void Failing_gates_at_the_final_approval_refuse_it_and_leave_the_request_pending()
    {
        var request = Request(approvals: 1);
        var strict = Policy(gates: [new MetricGate("rocAuc", GateOperator.AtLeast, 0.9)]);
        var failing = GateChecker.Check(strict, Evaluation(1, ("rocAuc", 0.7)), null, null, Now);

        var refused = Assert.Throws<GatesFailedException>(() => request.Approve(Bob, null, () => failing, Now));

        Assert.Contains("rocAuc >= 0.9", refused.Message);
        Assert.Equal(PromotionStatus.Pending, request.Status);
        Assert.Empty(request.Decisions);
    }

    [Fact]
    public void Only_the_author_withdraws_and_an_expired_request_takes_no_decision()
    {
        var request = Request();
        Assert.Equal("promotion.not-author", Assert.Throws<DomainException>(() => request.Withdraw(Bob, Now)).Code);
        Assert.True(request.IsExpired(Now.AddHours(24)));
        Assert.Equal("promotion.expired", Assert.Throws<DomainException>(() => request.Approve(Bob, null, () => Passing(Policy()), Now.AddHours(25))).Code);

        request.Withdraw(Ana, Now);
        Assert.Equal(PromotionStatus.Withdrawn, request.Status);
    }

    [Fact]
    public void Every_decision_changes_the_concurrency_version_so_concurrent_ones_cannot_both_save()
    {
        var request = Request();
        var before = request.ConcurrencyVersion;

        request.Approve(Bob, null, () => Passing(Policy()), Now);

        Assert.NotEqual(before, request.ConcurrencyVersion);
    }

    [Fact]
    public void Staging_and_production_are_entered_only_through_a_request_and_history_says_who_and_why()
    {
        var version = Version();

        Assert.Equal("model.stage-governed", Assert.Throws<DomainException>(() => version.ChangeStage(ModelStage.Production, "ana", "ship it", null, Now)).Code);
        var promoted = version.ChangeStage(ModelStage.Production, "bob", "approved", Guid.NewGuid(), Now);
        var archived = version.ChangeStage(ModelStage.Archived, "cat", "replaced", null, Now);

        Assert.Equal((ModelStage.Development, ModelStage.Production, "bob"), (promoted.From, promoted.To, promoted.Actor));
        Assert.Equal((ModelStage.Production, ModelStage.Archived), (archived.From, archived.To));
        Assert.Throws<DomainException>(() => version.ChangeStage(ModelStage.Development, "ana", "revive", null, Now));
    }
}
