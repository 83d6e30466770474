using Platform.Application.Common.Exceptions;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Runs.Commands.CreateRun;
using Platform.Application.Runs.Commands.LogMetrics;
using Platform.Application.Runs.Commands.UpdateRun;
using Platform.Application.Runs.Queries.SearchRuns;
using Platform.Application.Tests.Support;
using Platform.Domain.Runs;

namespace Platform.Application.Tests.Runs;

public sealed class SearchRunsTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_run_whose_latest_value_is_nan_matches_no_comparison_and_sorts_last()
    {
        var experiment = (await app.SendAsync(new CreateExperimentCommand("nan-" + Guid.NewGuid().ToString("N"), null))).Id;
        var good = await RunWithAsync(experiment, 0.7);
        var nan = await RunWithAsync(experiment, double.NaN);
        var high = await RunWithAsync(experiment, double.PositiveInfinity);

        var matches = await app.SendAsync(new SearchRunsQuery([experiment], "metrics.auc > 0.5", null, null, null));
        Assert.Equal([good, high], matches.Items.Select(r => r.Id).Order());

        var ordered = await app.SendAsync(new SearchRunsQuery([experiment], null, "metrics.auc desc", null, null));
        Assert.Equal([high, good, nan], ordered.Items.Select(r => r.Id));
        var ascending = await app.SendAsync(new SearchRunsQuery([experiment], null, "metrics.auc asc", null, null));
        Assert.Equal([good, high, nan], ascending.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_on_status_and_start_time()
    {
        var experiment = (await app.SendAsync(new CreateExperimentCommand("attr-" + Guid.NewGuid().ToString("N"), null))).Id;
        var old = await app.SendAsync(new CreateRunCommand(experiment, "old", DateTimeOffset.FromUnixTimeMilliseconds(1_000_000), null, null));
        var recent = await app.SendAsync(new CreateRunCommand(experiment, "recent", DateTimeOffset.FromUnixTimeMilliseconds(5_000_000), null, null));
        await app.SendAsync(new UpdateRunCommand(recent.Id, RunStatus.Finished, null, null, null));

        var finished = await app.SendAsync(new SearchRunsQuery([experiment], "attributes.status = 'finished'", null, null, null));
        Assert.Equal(recent.Id, Assert.Single(finished.Items).Id);
        var early = await app.SendAsync(new SearchRunsQuery([experiment], "attributes.start_time < 2000000", null, null, null));
        Assert.Equal(old.Id, Assert.Single(early.Items).Id);
        var named = await app.SendAsync(new SearchRunsQuery([experiment], "attributes.name ILIKE 'REC%'", null, null, null));
        Assert.Equal(recent.Id, Assert.Single(named.Items).Id);
    }

    [Fact]
    public async Task A_tampered_cursor_is_a_validation_error_on_cursor()
    {
        var experiment = (await app.SendAsync(new CreateExperimentCommand("cur-" + Guid.NewGuid().ToString("N"), null))).Id;
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            app.SendAsync(new SearchRunsQuery([experiment], null, null, 10, "bm90LWEtY3Vyc29y")));
        Assert.Contains("cursor", error.Errors.Keys);
    }

    private async Task<Guid> RunWithAsync(Guid experiment, double auc)
    {
        var run = await app.SendAsync(new CreateRunCommand(experiment, null, null, null, null));
        await app.SendAsync(new LogMetricsCommand(run.Id, [new MetricPointInput("auc", auc, 0, 1)]));
        return run.Id;
    }
}
