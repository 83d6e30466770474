using Platform.Domain.Governance;
using Platform.Domain.Registry;
using static Platform.Domain.Tests.Governance.GovernanceTestData;

namespace Platform.Domain.Tests.Governance;

/// <summary>What a version and a promotion request tell the rest of the platform when their state changes.</summary>
public sealed class PromotionEventsTests
{
    [Fact]
    public void A_new_version_says_it_was_registered_and_a_stage_change_says_which_transition()
    {
        var version = Version();
        Assert.Equal([new ModelVersionRegistered(version)], version.TakeDomainEvents());

        var transition = version.ChangeStage(ModelStage.Archived, "ana", "retired", null, Now);

        Assert.Equal([new ModelVersionStageChanged(version, transition)], version.TakeDomainEvents());
        Assert.Equal((ModelStage.Development, ModelStage.Archived), (transition.From, transition.To));
    }

    [Fact]
    public void A_refused_stage_change_tells_nothing()
    {
        var version = Version();
        version.TakeDomainEvents();

        Assert.ThrowsAny<Exception>(() => version.ChangeStage(ModelStage.Production, "ana", "no request", null, Now));

        Assert.Empty(version.TakeDomainEvents());
    }

    [Fact]
    public void Opening_says_requested_and_only_the_approval_that_closes_the_request_says_closed_with_its_comment()
    {
        var request = Request(approvals: 2);
        Assert.Equal([new PromotionRequested(request)], request.TakeDomainEvents());

        request.Approve(Bob, "first", () => Passing(Policy()), Now);
        Assert.Empty(request.TakeDomainEvents());
        request.Approve(Cat, "second", () => Passing(Policy()), Now);

        Assert.Equal([new PromotionClosed(request, "second")], request.TakeDomainEvents());
        Assert.Equal((PromotionStatus.Approved, "cat"), (request.Status, request.ClosedBy));
    }

    [Fact]
    public void A_rejection_and_a_withdrawal_each_say_closed_once()
    {
        var rejected = Request();
        rejected.TakeDomainEvents();
        rejected.Reject(Bob, "too weak", Now);
        Assert.Equal([new PromotionClosed(rejected, "too weak")], rejected.TakeDomainEvents());

        var withdrawn = Request();
        withdrawn.TakeDomainEvents();
        withdrawn.Withdraw(Ana, Now);
        Assert.Equal([new PromotionClosed(withdrawn, null)], withdrawn.TakeDomainEvents());
        Assert.Equal(PromotionStatus.Withdrawn, withdrawn.Status);
    }
}
