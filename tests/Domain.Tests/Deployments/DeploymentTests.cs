using Platform.Domain.Common;
using Platform.Domain.Deployments;
using Platform.Domain.Jobs;

namespace Platform.Domain.Tests.Deployments;

public sealed class DeploymentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Deployment New() =>
        Deployment.Create("churn", Guid.NewGuid(), DeploymentEnvironment.Production, HardwareClass.Cpu, null, null, "olga", Now);

    private static TrafficSplit Split(params TrafficVersion[] versions) => TrafficSplit.Of(versions);

    [Theory]
    [InlineData("Churn")]
    [InlineData("1churn")]
    [InlineData("churn model")]
    [InlineData("churn/v2")]
    [InlineData("")]
    public void A_name_that_is_not_url_safe_is_refused(string name) =>
        Assert.Equal("deployment.name", Assert.Throws<DomainException>(() =>
            Deployment.Create(name, Guid.NewGuid(), DeploymentEnvironment.Staging, HardwareClass.Cpu, null, null, "olga", Now)).Code);

    [Fact]
    public void A_first_revision_waits_for_validation_then_becomes_active_and_its_versions_count_as_validated()
    {
        var deployment = New();
        var first = deployment.Propose(Split(new TrafficVersion(1, 100, false)), null, "first release", "olga", Now);
        deployment.AwaitValidation(first, Guid.NewGuid());

        Assert.Equal((RevisionState.Validating, 1, (int?)null), (first.State, deployment.PendingRevision, deployment.ActiveRevision));
        deployment.ValidationSucceeded(first, null, "{\"ok\":true}", Now);

        Assert.Equal((RevisionState.Active, (int?)null, (int?)1), (first.State, deployment.PendingRevision, deployment.ActiveRevision));
        Assert.Equal([1], deployment.ValidatedVersions);
        Assert.Equal("{\"ok\":true}", first.ValidationResultJson);
    }

    [Fact]
    public void A_weights_only_change_is_active_at_once_and_supersedes_the_active_revision()
    {
        var (deployment, first) = Active(new TrafficVersion(1, 100, false));
        var second = deployment.Propose(Split(new TrafficVersion(1, 100, false)), first, "same again", "olga", Now);

        Assert.Equal((RevisionState.Active, RevisionState.Superseded, 1), (second.State, first.State, second.PreviousRevision));
        Assert.Equal(2, deployment.ActiveRevision);
    }

    [Fact]
    public void A_failed_validation_leaves_the_traffic_on_the_active_revision()
    {
        var (deployment, first) = Active(new TrafficVersion(1, 100, false));
        var second = deployment.Propose(Split(new TrafficVersion(1, 90, false), new TrafficVersion(2, 10, true)), first, "canary v2", "olga", Now);

        deployment.ValidationFailed(second, "schema differs", null, Now);

        Assert.Equal((RevisionState.Failed, RevisionState.Active, 1), (second.State, first.State, deployment.ActiveRevision));
        Assert.DoesNotContain(2, deployment.ValidatedVersions);
        Assert.Equal("schema differs", second.FailureReason);
    }

    [Fact]
    public void A_second_change_while_one_is_validating_is_refused()
    {
        var (deployment, first) = Active(new TrafficVersion(1, 100, false));
        deployment.Propose(Split(new TrafficVersion(2, 100, false)), first, "v2", "olga", Now);

        Assert.Equal("deployment.validating", Assert.Throws<DomainException>(() =>
            deployment.Propose(Split(new TrafficVersion(1, 100, false)), first, "again", "olga", Now)).Code);
    }

    [Fact]
    public void A_rollback_restores_the_previous_revision_traffic_as_a_new_active_revision()
    {
        var (deployment, first) = Active(new TrafficVersion(1, 100, false));
        var second = deployment.Propose(Split(new TrafficVersion(1, 100, false)), first, "weights", "olga", Now);

        var third = deployment.RollBack(second, first, "v2 misbehaves", "olga", Now);

        Assert.Equal((RevisionKind.Rollback, RevisionState.Active, (int?)1), (third.Kind, third.State, third.RollbackOf));
        Assert.Equal((RevisionState.RolledBack, 3), (second.State, deployment.ActiveRevision));
        Assert.Equal(first.Traffic.Versions, third.Traffic.Versions);
    }

    [Fact]
    public void A_rollback_to_a_revision_other_than_the_previous_one_is_refused()
    {
        var (deployment, first) = Active(new TrafficVersion(1, 100, false));
        var second = deployment.Propose(Split(new TrafficVersion(1, 50, false)), first, "w", "olga", Now);
        var third = deployment.Propose(Split(new TrafficVersion(1, 60, false)), second, "w", "olga", Now);

        Assert.Equal("deployment.rollback-target", Assert.Throws<DomainException>(() => deployment.RollBack(third, first, "r", "olga", Now)).Code);
    }

    [Fact]
    public void A_canary_rollback_moves_the_canary_weight_to_the_stable_version_and_keeps_the_report()
    {
        var (deployment, first) = Active(new TrafficVersion(1, 90, false), new TrafficVersion(2, 10, true));

        var second = deployment.RollBackCanary(first, 2, "{\"errors\":9}", "error rate 0.9", "host-a", Now);

        Assert.Equal([new TrafficVersion(1, 100, false)], second.Traffic.Versions);
        Assert.Equal((RevisionKind.CanaryRollback, RevisionState.RolledBack, "{\"errors\":9}"), (second.Kind, first.State, second.ReportJson));
        Assert.Equal("deployment.no-canary", Assert.Throws<DomainException>(() => deployment.RollBackCanary(second, 2, "{}", "again", "host-a", Now)).Code);
    }

    [Fact]
    public void A_new_hardware_class_forgets_what_was_validated_and_every_change_counts_up_the_concurrency_version()
    {
        var (deployment, _) = Active(new TrafficVersion(1, 100, false));
        var before = deployment.ConcurrencyVersion;

        deployment.Configure(DeploymentEnvironment.Production, HardwareClass.Gpu, null, null, Now);

        Assert.Empty(deployment.ValidatedVersions);
        Assert.True(deployment.ConcurrencyVersion > before);
    }

    [Fact]
    public void Policies_out_of_range_are_refused() =>
        Assert.Equal("deployment.canary-policy", Assert.Throws<DomainException>(() =>
            New().Configure(DeploymentEnvironment.Production, HardwareClass.Cpu, CanarySettings.Default with { MaxErrorRate = 2 }, null, Now)).Code);

    private static (Deployment Deployment, DeploymentRevision Active) Active(params TrafficVersion[] versions)
    {
        var deployment = New();
        var revision = deployment.Propose(Split(versions), null, "first", "olga", Now);
        deployment.AwaitValidation(revision, Guid.NewGuid());
        deployment.ValidationSucceeded(revision, null, null, Now);
        return (deployment, revision);
    }
}
