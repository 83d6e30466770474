using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

/// <summary>
/// A job as it happens: state, progress and log live; its facts; Cancel and Retry where allowed; once a training has
/// succeeded, a link to the version registered from its run, or the form to register one.
/// </summary>
public partial class JobPage
{
    [Parameter] public Guid Id { get; set; }

    private JobInfo? _job;
    private RunDetail? _run;
    private Experiment? _experiment;
    private IReadOnlyList<RunModelVersion>? _versions;
    private string? _model;
    private LiveLog? _log;

    private List<BreadcrumbItem> Trail => _run is { } run
        ?
        [
            new("Experiments", "/experiments"),
            new(_experiment?.Name ?? "Experiment", $"/experiments/{run.ExperimentId}"),
            new(run.Name, $"/runs/{run.Id}"),
            new($"{_job!.Kind} job", null, disabled: true),
        ]
        : [new("Jobs", "/jobs"), new($"{_job!.Kind} job", null, disabled: true)];

    protected override async Task LoadAsync()
    {
        Hub = Live.Jobs();
        Hub.On<JobInfo>("JobChanged", job => InvokeAsync(() => ChangedAsync(job)));
        Hub.On<Guid, List<LogLine>>("JobLog", (jobId, lines) => jobId == Id && _log is not null ? _log.Append(lines) : Task.CompletedTask);
        await Hub.StartAsync();
        _job = await Hub.InvokeAsync<JobInfo>("SubscribeToJob", Id);
        // A change between reading and subscribing would be missed: read once more now that updates flow.
        _job = await Api.JobAsync(Id);
        if (_job.RunId is { } runId)
        {
            _run = await Api.RunAsync(runId);
            _experiment = await Api.ExperimentAsync(_run.ExperimentId);
            await ReadVersionsAsync();
        }

        if (_log is not null)
        {
            await _log.LoadHistoryAsync(Api, Id);
        }
    }

    private async Task ChangedAsync(JobInfo job)
    {
        if (job.Id != Id)
        {
            return;
        }

        var ended = job.Ended && _job?.Ended != true;
        _job = job;
        if (ended)
        {
            await TryAsync(ReadVersionsAsync);
        }

        StateHasChanged();
    }

    /// <summary>The versions registered from the job's run (for a succeeded training: a link instead of the register form).</summary>
    private async Task ReadVersionsAsync()
    {
        if (_job is { State: "Succeeded", Kind: "Train", RunId: { } runId })
        {
            _versions = (await Api.RunModelVersionsAsync(runId)).Items;
        }
    }

    private Task CancelAsync() => TryAsync(async () => _job = await Api.CancelJobAsync(Id));

    private Task RetryAsync() => TryAsync(async () => _job = await Api.RetryJobAsync(Id));

    private async Task RegisterAsync()
    {
        ModelVersionInfo? version = null;
        if (await TryAsync(async () => version = await Api.RegisterVersionAsync(_model!.Trim(), _job!.RunId!.Value)))
        {
            Navigation.NavigateTo($"/models/{Uri.EscapeDataString(version!.Model)}");
        }
    }
}
