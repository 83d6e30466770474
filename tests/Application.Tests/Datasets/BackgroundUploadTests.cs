using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Datasets;
using Platform.Application.Datasets.Commands.FailDatasetProfiling;
using Platform.Application.Datasets.Commands.ProfileDatasetVersion;
using Platform.Application.Datasets.Commands.UploadDatasetVersion;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Jobs.Commands.SubmitJob;
using Platform.Application.Runs.Commands.CreateRun;
using Platform.Application.Tests.Support;
using Platform.Domain.Datasets;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;

namespace Platform.Application.Tests.Datasets;

/// <summary>
/// A version uploaded in the background is Profiling until the profiler's step runs (no background service runs in
/// this fixture, so the test takes that step itself), and no job can read its rows before it is Ready.
/// </summary>
public sealed class BackgroundUploadTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    private const string Csv = "width,height,kind\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n9,1,a\n2,3,b\n";

    [Fact]
    public async Task A_training_on_a_version_still_profiling_is_409_and_is_accepted_once_it_is_ready()
    {
        var name = "bg-" + Guid.NewGuid().ToString("N")[..8];
        var uploaded = await UploadAsync(name, Csv);
        Assert.Equal(DatasetVersionStatus.Profiling, uploaded.Status);
        var run = await NewRunAsync();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(Train(run, name), Role.DataScientist));
        Assert.Equal("dataset.not-ready", refused.Code);
        Assert.Contains("still being profiled", refused.Message, StringComparison.Ordinal);

        Assert.Equal(DatasetVersionStatus.Ready, await app.SendAsync(new ProfileDatasetVersionCommand(await IdOfAsync(uploaded)), Role.System));
        var job = await app.SendAsync(Train(run, name), Role.DataScientist);
        Assert.Equal(JobState.Queued, job.State);
    }

    [Fact]
    public async Task A_version_the_profiler_gave_up_on_is_refused_with_its_reason_and_is_never_profiled_again()
    {
        var name = "bg-" + Guid.NewGuid().ToString("N")[..8];
        var uploaded = await UploadAsync(name, Csv);
        var id = await IdOfAsync(uploaded);

        Assert.True(await app.SendAsync(new FailDatasetProfilingCommand(id, "the platform could not finish reading the file"), Role.System));
        Assert.False(await app.SendAsync(new FailDatasetProfilingCommand(id, "again"), Role.System));
        Assert.Equal(DatasetVersionStatus.Failed, await app.SendAsync(new ProfileDatasetVersionCommand(id), Role.System));

        var refused = await Assert.ThrowsAsync<ConflictException>(async () => await app.SendAsync(Train(await NewRunAsync(), name), Role.DataScientist));
        Assert.Contains("could not finish reading the file", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_platform_takes_the_profilers_steps()
    {
        var uploaded = await UploadAsync("bg-" + Guid.NewGuid().ToString("N")[..8], Csv);

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await app.SendAsync(new ProfileDatasetVersionCommand(await IdOfAsync(uploaded)), Role.Admin));
        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await app.SendAsync(new FailDatasetProfilingCommand(await IdOfAsync(uploaded), "x"), Role.Admin));
    }

    private Task<DatasetVersionDto> UploadAsync(string name, string csv)
    {
        var content = Encoding.UTF8.GetBytes(csv);
        return app.SendAsync(
            new UploadDatasetVersionCommand(name, "csv", new MemoryStream(content), content.Length, new DatasetSplitRequest(), InBackground: true),
            Role.DataScientist);
    }

    private Task<Guid> IdOfAsync(DatasetVersionDto version) => app.ReadAsync(db =>
        db.DatasetVersions.Where(v => v.Name == version.Name && v.Version == version.Version).Select(v => v.Id).SingleAsync());

    private async Task<Guid> NewRunAsync()
    {
        var experiment = await app.SendAsync(new CreateExperimentCommand("bg-" + Guid.NewGuid().ToString("N")[..8], null), Role.DataScientist);
        return (await app.SendAsync(new CreateRunCommand(experiment.Id, null, null, null, null), Role.DataScientist)).Id;
    }

    private static SubmitJobCommand Train(Guid run, string dataset) => new(
        JobKind.Train, HardwareClass.Cpu,
        JsonSerializer.Serialize(new { dataset, datasetVersion = 1, labelColumn = "kind", task = "BinaryClassification", trainer = "LightGbm" }),
        run, null, null);
}
