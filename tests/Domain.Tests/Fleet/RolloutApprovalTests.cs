using Platform.Domain.Common;
using Platform.Domain.Deployments;
using Platform.Domain.Fleet;
using Platform.Domain.Governance;

namespace Platform.Domain.Tests.Fleet;

/// <summary>A rollout started with an approval required: it waits, gives nothing, and is decided by an Approver other than its starter.</summary>
public sealed class RolloutApprovalTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly Actor Starter = new(Guid.NewGuid(), "operator");
    private static readonly Actor Approver = new(Guid.NewGuid(), "approver");

    private static Rollout Awaiting(Actor? starter = null) =>
        Rollout.Start(Guid.NewGuid(), "detector", Guid.NewGuid(), 2, DeploymentEnvironment.Production, LabelSelector.Parse("site=plant-7"), 10,
            [new Wave(50, null), new Wave(100, null)], null, null, null, FailurePolicy.Rollback, starter ?? Starter, Now, requireApproval: true);

    [Fact]
    public void A_rollout_awaiting_its_approval_gives_no_device_anything_and_counts_as_under_way()
    {
        var rollout = Awaiting();

        Assert.Equal((RolloutState.AwaitingApproval, true, true), (rollout.State, rollout.RequiresApproval, rollout.IsActive));
        Assert.Equal(0, rollout.DueNow(Now.AddHours(1)));
        Assert.Equal([RolloutChange.ApprovalRequested], rollout.TakeDomainEvents().OfType<RolloutChanged>().Select(e => e.Change));
    }

    [Fact]
    public void Approved_it_starts_over_the_devices_counted_then_and_its_pace_counts_from_the_approval()
    {
        var rollout = Awaiting();
        rollout.TakeDomainEvents();
        var approvedAt = Now.AddHours(2);

        rollout.Approve(Approver, "  looks good  ", 12, approvedAt);

        Assert.Equal((RolloutState.Running, 12, approvedAt), (rollout.State, rollout.TotalDevices, rollout.WaveStartedAt));
        Assert.Equal(("approver", approvedAt, "looks good"), (rollout.ApprovedBy, rollout.ApprovedAt, rollout.ApprovalComment));
        Assert.Equal(6, rollout.DueNow(approvedAt));
        Assert.Equal([RolloutChange.Started], rollout.TakeDomainEvents().OfType<RolloutChanged>().Select(e => e.Change));
    }

    [Fact]
    public void Its_starter_may_not_decide_it_by_user_id_or_by_name_when_either_has_no_id()
    {
        var rollout = Awaiting();
        var byName = Awaiting(new Actor(null, "operator"));

        Assert.Equal("rollout.self-approval", Assert.Throws<DomainException>(() => rollout.Approve(Starter with { Name = "renamed" }, null, 10, Now)).Code);
        Assert.Equal("rollout.self-approval", Assert.Throws<DomainException>(() => rollout.Reject(Starter, "no", Now)).Code);
        Assert.Equal("rollout.self-approval", Assert.Throws<DomainException>(() => byName.Approve(new Actor(Guid.NewGuid(), "operator"), null, 10, Now)).Code);
        Assert.Equal(RolloutState.AwaitingApproval, rollout.State);
        rollout.Approve(new Actor(Guid.NewGuid(), "operator"), null, 10, Now);
        Assert.Equal(RolloutState.Running, rollout.State);
    }

    [Fact]
    public void An_approval_when_the_selector_picks_no_device_any_more_is_refused_and_it_keeps_waiting()
    {
        var rollout = Awaiting();

        Assert.Equal("rollout.no-devices", Assert.Throws<DomainException>(() => rollout.Approve(Approver, null, 0, Now)).Code);
        Assert.Equal(RolloutState.AwaitingApproval, rollout.State);
    }

    [Fact]
    public void Rejected_it_ends_with_the_comment_as_its_reason_and_a_decided_or_running_rollout_is_not_awaiting_approval()
    {
        var rejected = Awaiting();
        var approved = Awaiting();
        var running = Rollout.Start(Guid.NewGuid(), "detector", Guid.NewGuid(), 2, DeploymentEnvironment.Production, LabelSelector.Parse(""), 1, [new Wave(100, null)],
            null, null, null, FailurePolicy.Pause, Starter, Now);

        rejected.Reject(Approver, " not during the freeze ", Now.AddMinutes(5));
        approved.Approve(Approver, null, 10, Now);

        Assert.Equal((RolloutState.Rejected, "not during the freeze", Now.AddMinutes(5), false), (rejected.State, rejected.Reason, rejected.EndedAt, rejected.IsActive));
        Assert.Equal(RolloutChange.Rejected, rejected.TakeDomainEvents().OfType<RolloutChanged>().Last().Change);
        Assert.Equal("rollout.not-awaiting-approval", Assert.Throws<DomainException>(() => rejected.Approve(Approver, null, 10, Now)).Code);
        Assert.Equal("rollout.not-awaiting-approval", Assert.Throws<DomainException>(() => approved.Approve(Approver, null, 10, Now)).Code);
        Assert.Equal("rollout.not-awaiting-approval", Assert.Throws<DomainException>(() => running.Reject(Approver, "no", Now)).Code);
        Assert.Equal("rollout.comment", Assert.Throws<DomainException>(() => Awaiting().Reject(Approver, " ", Now)).Code);
    }

    [Fact]
    public void One_awaiting_its_approval_can_be_withdrawn_by_an_abort_but_not_paused_or_rolled_back()
    {
        var rollout = Awaiting();

        Assert.Equal("rollout.state", Assert.Throws<DomainException>(() => rollout.Pause("hold")).Code);
        Assert.Equal("rollout.state", Assert.Throws<DomainException>(() => rollout.RollBack("undo", Now)).Code);
        rollout.Abort("not needed any more", Now);

        Assert.Equal((RolloutState.Aborted, false), (rollout.State, rollout.IsActive));
        Assert.Equal("rollout.not-awaiting-approval", Assert.Throws<DomainException>(() => rollout.Approve(Approver, null, 10, Now)).Code);
    }
}
