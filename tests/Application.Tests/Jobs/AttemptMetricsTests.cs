using Microsoft.EntityFrameworkCore;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Jobs.Commands.ClaimJob;
using Platform.Application.Jobs.Commands.ExpireLeases;
using Platform.Application.Jobs.Commands.RecordJobMetrics;
using Platform.Application.Jobs.Commands.SubmitJob;
using Platform.Application.Runs.Commands.CreateRun;
using Platform.Application.Runs.Commands.LogMetrics;
using Platform.Application.Tests.Support;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;

namespace Platform.Application.Tests.Jobs;

/// <summary>Leases of one second, so that a pass of the lease monitor after a short wait re-queues a job whose worker went quiet.</summary>
public sealed class ShortLeaseFixture : ApplicationFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:LeaseSeconds"] = "1" };
}

/// <summary>A job's new attempt replaces its earlier attempts' metric points (seen: 15,202 points for 10,000 steps).</summary>
public sealed class AttemptMetricsTests(ShortLeaseFixture app) : IClassFixture<ShortLeaseFixture>
{
    [Fact]
    public async Task A_second_attempt_replaces_the_first_attempts_points_and_keeps_the_points_logged_through_the_api()
    {
        var experiment = await app.SendAsync(new CreateExperimentCommand("attempts-" + Guid.NewGuid().ToString("N")[..8], null), Role.DataScientist);
        var run = await app.SendAsync(new CreateRunCommand(experiment.Id, null, null, null, null), Role.DataScientist);
        await app.SendAsync(new LogMetricsCommand(run.Id, [new("note", 1, 0, 1)]), Role.DataScientist);
        var job = await app.SendAsync(
            new SubmitJobCommand(JobKind.Train, HardwareClass.Cpu, """{"trainer":"Script","command":["python3","train.py"]}""", run.Id, null, 3), Role.DataScientist);

        var first = (JobClaimed)await app.SendAsync(new ClaimJobCommand(job.Id, "worker-a"), Role.System);
        await ReportLossAsync(job.Id, first.LeaseId, run.Id, steps: 5);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the worker went quiet: its one-second lease runs out
        await app.SendAsync(new ExpireLeasesCommand(), Role.System);
        var second = (JobClaimed)await app.SendAsync(new ClaimJobCommand(job.Id, "worker-b"), Role.System);
        await ReportLossAsync(job.Id, second.LeaseId, run.Id, steps: 3);

        var points = await app.ReadAsync(db => db.MetricPoints.AsNoTracking().Where(p => p.RunId == run.Id).OrderBy(p => p.Key).ThenBy(p => p.Step)
            .Select(p => new { p.Key, p.Step }).ToListAsync());
        var latest = await app.ReadAsync(db => db.LatestMetrics.AsNoTracking().SingleAsync(m => m.RunId == run.Id && m.Key == "loss"));
        Assert.Equal(2, second.Attempt);
        Assert.Equal(["loss 1", "loss 2", "loss 3", "note 0"], points.Select(p => $"{p.Key} {p.Step}"));
        Assert.Equal(3, latest.Step);
    }

    private Task ReportLossAsync(Guid jobId, Guid leaseId, Guid runId, int steps) =>
        app.SendAsync(new RecordJobMetricsCommand(jobId, leaseId, runId, [.. Enumerable.Range(1, steps).Select(s => new JobMetricPoint("loss", 1.0 / s, s, 1000 + s))]), Role.System);
}

/// <summary>A repeated claim by the worker holding the lease (default lease length, so it cannot run out meanwhile).</summary>
public sealed class RepeatedClaimMetricsTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_same_worker_asking_again_for_its_lease_keeps_what_its_attempt_reported()
    {
        var experiment = await app.SendAsync(new CreateExperimentCommand("attempts-" + Guid.NewGuid().ToString("N")[..8], null), Role.DataScientist);
        var run = await app.SendAsync(new CreateRunCommand(experiment.Id, null, null, null, null), Role.DataScientist);
        var job = await app.SendAsync(
            new SubmitJobCommand(JobKind.Train, HardwareClass.Cpu, """{"trainer":"Script","command":["python3","train.py"]}""", run.Id, null, 3), Role.DataScientist);

        var claim = (JobClaimed)await app.SendAsync(new ClaimJobCommand(job.Id, "worker-a"), Role.System);
        await ReportLossAsync(job.Id, claim.LeaseId, run.Id, steps: 4);
        var again = (JobClaimed)await app.SendAsync(new ClaimJobCommand(job.Id, "worker-a"), Role.System); // its first answer was lost

        Assert.Equal(claim.LeaseId, again.LeaseId);
        Assert.Equal(4, await app.ReadAsync(db => db.MetricPoints.CountAsync(p => p.RunId == run.Id)));
    }

    private Task ReportLossAsync(Guid jobId, Guid leaseId, Guid runId, int steps) =>
        app.SendAsync(new RecordJobMetricsCommand(jobId, leaseId, runId, [.. Enumerable.Range(1, steps).Select(s => new JobMetricPoint("loss", 1.0 / s, s, 1000 + s))]), Role.System);
}
