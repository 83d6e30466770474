using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Jobs.Commands.ClaimJob;
using Platform.Application.Jobs.Commands.FailUndeliverableJob;
using Platform.Application.Jobs.Commands.RetryJob;
using Platform.Application.Jobs.Commands.SubmitJob;
using Platform.Application.Runs.Commands.CreateRun;
using Platform.Application.Runs.Queries.GetRun;
using Platform.Application.Tests.Support;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Tests.Jobs;

/// <summary>
/// A job's changes reach the features that react through its domain events, dispatched by the real save: the run of a
/// Train job follows its end and its retry in the same save, and watchers are told once the change is stored, also
/// when the save runs in a transaction of its own (a new attempt's claim).
/// </summary>
public sealed class JobEventsTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_train_jobs_end_fails_its_run_and_a_retry_runs_it_again_each_told_to_watchers_once()
    {
        var (job, run) = await SubmitTrainingAsync();

        Assert.True(await app.SendAsync(new FailUndeliverableJobCommand(job, "poison message"), Role.System));
        var failed = await app.SendAsync(new GetRunQuery(run), Role.DataScientist);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal([JobState.Failed], Told(job));

        await app.SendAsync(new RetryJobCommand(job), Role.DataScientist);
        var resumed = await app.SendAsync(new GetRunQuery(run), Role.DataScientist);
        Assert.Equal(RunStatus.Running, resumed.Status);
        Assert.Equal([JobState.Failed, JobState.Queued], Told(job));
    }

    [Fact]
    public async Task A_claim_saved_in_its_own_transaction_is_told_to_watchers_after_it_commits()
    {
        var (job, _) = await SubmitTrainingAsync();

        var claim = (JobClaimed)await app.SendAsync(new ClaimJobCommand(job, "worker-a"), Role.System);

        Assert.Equal(1, claim.Attempt);
        var told = Assert.Single(app.Notifier.Jobs, j => j.Id == job);
        Assert.Equal((JobState.Running, "worker-a"), (told.State, told.WorkerId));
    }

    private JobState[] Told(Guid job) => [.. app.Notifier.Jobs.Where(j => j.Id == job).Select(j => j.State)];

    private async Task<(Guid Job, Guid Run)> SubmitTrainingAsync()
    {
        var experiment = await app.SendAsync(new CreateExperimentCommand("events-" + Guid.NewGuid().ToString("N")[..8], null), Role.DataScientist);
        var run = await app.SendAsync(new CreateRunCommand(experiment.Id, null, null, null, null), Role.DataScientist);
        var job = await app.SendAsync(
            new SubmitJobCommand(JobKind.Train, HardwareClass.Cpu, """{"trainer":"Script","command":["python3","train.py"]}""", run.Id, null, 3), Role.DataScientist);
        return (job.Id, run.Id);
    }
}
