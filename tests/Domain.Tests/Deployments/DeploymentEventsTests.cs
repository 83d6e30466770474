using Platform.Domain.Deployments;
using Platform.Domain.Jobs;

namespace Platform.Domain.Tests.Deployments;

/// <summary>What a deployment tells when its traffic moves: each change of the active revision once, and a failed validation.</summary>
public sealed class DeploymentEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static Deployment New() =>
        Deployment.Create("churn", Guid.NewGuid(), DeploymentEnvironment.Production, HardwareClass.Cpu, null, null, "olga", Now);

    private static TrafficSplit Split(params TrafficVersion[] versions) => TrafficSplit.Of(versions);

    [Fact]
    public void A_revision_waiting_for_its_deploy_job_tells_nothing_until_the_job_passes_or_fails()
    {
        var deployment = New();
        var first = deployment.Propose(Split(new TrafficVersion(1, 100, false)), null, "first", "olga", Now);
        deployment.AwaitValidation(first, Guid.NewGuid());
        Assert.Empty(deployment.TakeDomainEvents());

        deployment.ValidationSucceeded(first, null, null, Now);
        Assert.Equal([new DeploymentRevisionActivated(deployment, first)], deployment.TakeDomainEvents());

        var second = deployment.Propose(Split(new TrafficVersion(2, 100, false)), first, "v2", "olga", Now);
        deployment.AwaitValidation(second, Guid.NewGuid());
        deployment.ValidationFailed(second, "schema differs", null, Now);

        Assert.Equal([new DeploymentRevisionFailed(deployment, second)], deployment.TakeDomainEvents());
    }

    [Fact]
    public void A_change_needing_no_validation_is_activated_at_once_and_a_rollback_tells_only_that_it_rolled_back()
    {
        var deployment = New();
        var first = deployment.Propose(Split(new TrafficVersion(1, 100, false)), null, "first", "olga", Now);
        deployment.AwaitValidation(first, Guid.NewGuid());
        deployment.ValidationSucceeded(first, null, null, Now);
        deployment.TakeDomainEvents();

        var second = deployment.Propose(Split(new TrafficVersion(1, 100, false)), first, "same again", "olga", Now);
        Assert.Equal([new DeploymentRevisionActivated(deployment, second)], deployment.TakeDomainEvents());

        var third = deployment.RollBack(second, first, "back", "olga", Now);

        Assert.Equal([new DeploymentRolledBack(deployment, third)], deployment.TakeDomainEvents());
    }

    [Fact]
    public void A_canary_rollback_names_the_revision_it_replaced_and_the_canary_version()
    {
        var deployment = New();
        var first = deployment.Propose(Split(new TrafficVersion(1, 90, false), new TrafficVersion(2, 10, true)), null, "canary", "olga", Now);
        deployment.AwaitValidation(first, Guid.NewGuid());
        deployment.ValidationSucceeded(first, null, null, Now);
        deployment.TakeDomainEvents();

        var second = deployment.RollBackCanary(first, 2, "{}", "error rate 0.9", "host-a", Now);

        Assert.Equal([new DeploymentCanaryRolledBack(deployment, second, first, 2)], deployment.TakeDomainEvents());
    }
}
