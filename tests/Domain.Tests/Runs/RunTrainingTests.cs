using Platform.Domain.Runs;

namespace Platform.Domain.Tests.Runs;

/// <summary>A run follows its training job: it ends with the job and runs again when the job is retried.</summary>
public sealed class RunTrainingTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RunStatus.Finished)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Killed)]
    public void A_running_run_ends_as_its_training_did_at_the_training_end(RunStatus outcome)
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);

        Assert.True(run.EndWithTraining(outcome, Start.AddMinutes(3)));

        Assert.Equal((outcome, Start.AddMinutes(3)), (run.Status, run.EndTime));
    }

    [Fact]
    public void A_run_its_owner_ended_keeps_that_end()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);
        run.ChangeStatus(RunStatus.Killed, null, Start.AddMinutes(1));

        Assert.False(run.EndWithTraining(RunStatus.Finished, Start.AddMinutes(3)));

        Assert.Equal((RunStatus.Killed, Start.AddMinutes(1)), (run.Status, run.EndTime));
    }

    [Fact]
    public void A_training_end_stamped_before_the_run_started_ends_it_at_its_start()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);

        run.EndWithTraining(RunStatus.Failed, Start.AddSeconds(-2)); // a worker's clock a little behind

        Assert.Equal(Start, run.EndTime);
    }

    [Fact]
    public void A_retried_training_runs_the_run_again_without_an_end()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);
        run.EndWithTraining(RunStatus.Failed, Start.AddMinutes(3));

        Assert.True(run.ResumeTraining(Start.AddMinutes(3)));

        Assert.Equal((RunStatus.Running, (DateTimeOffset?)null), (run.Status, run.EndTime));
    }

    [Fact]
    public void A_retry_leaves_a_run_its_owner_ended_as_it_is()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);
        run.ChangeStatus(RunStatus.Killed, null, Start.AddMinutes(1)); // ended by hand while the training was still going
        run.EndWithTraining(RunStatus.Failed, Start.AddMinutes(3));

        Assert.False(run.ResumeTraining(Start.AddMinutes(3)));

        Assert.Equal((RunStatus.Killed, Start.AddMinutes(1)), (run.Status, run.EndTime));
    }
}
