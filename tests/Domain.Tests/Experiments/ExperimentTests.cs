using Platform.Domain.Common;
using Platform.Domain.Experiments;

namespace Platform.Domain.Tests.Experiments;

public sealed class ExperimentTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);

    [Fact]
    public void Archiving_closes_an_experiment_and_restoring_reopens_it()
    {
        var experiment = Experiment.Create("churn", null, "alice", Now);
        experiment.Archive(Now);
        Assert.Throws<DomainException>(() => experiment.EnsureActive("start a run"));
        Assert.Throws<DomainException>(() => experiment.Rename("x", Now));
        experiment.Restore(Now);
        experiment.EnsureActive("start a run");
        Assert.Null(experiment.ArchivedAt);
    }

    [Fact]
    public void Every_change_bumps_the_version_used_as_etag()
    {
        var experiment = Experiment.Create("churn", null, "alice", Now);
        var before = experiment.Version;
        experiment.Rename("churn-2", Now);
        experiment.Archive(Now);
        Assert.Equal(before + 2, experiment.Version);
    }

    [Fact]
    public void Archiving_twice_is_a_conflict()
    {
        var experiment = Experiment.Create("churn", null, "alice", Now);
        experiment.Archive(Now);
        Assert.Equal("experiment.already-archived", Assert.Throws<DomainException>(() => experiment.Archive(Now)).Code);
    }
}
