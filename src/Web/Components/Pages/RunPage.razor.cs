using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Contracts.Api;
using Platform.Web.Api;
using Platform.Web.Components.Charts;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

/// <summary>
/// A run: params, tags, artefacts, its latest metric values and charts fed by history and then live points, its training
/// job's lineage and live log. When that job ends the run's status, artefacts and registered versions are read again.
/// </summary>
public partial class RunPage
{
    [Parameter] public Guid Id { get; set; }

    private RunDetail? _run;
    private Experiment? _experiment;
    private IReadOnlyList<ArtifactInfo> _artifacts = [];
    private readonly LatestMetricValues _latest = new();
    private List<string> _groups = [];
    private readonly Dictionary<string, MetricChart> _charts = [];
    /// <summary>Charts share a metric's name across splits: train.logLoss and validation.logLoss draw together.</summary>
    public static string GroupOf(string key) => key.Contains('.') ? key[(key.IndexOf('.') + 1)..] : key;

    private List<BreadcrumbItem> Trail =>
    [
        new("Experiments", "/experiments"),
        new(_experiment?.Name ?? "Experiment", $"/experiments/{_run!.ExperimentId}"),
        new(_run.Name, null, disabled: true),
    ];

    protected override async Task LoadAsync()
    {
        await ReadRunAsync();
        _experiment = await Api.ExperimentAsync(_run!.ExperimentId);
        _groups = [.. _run.Metrics.Select(m => GroupOf(m.Key)).Distinct().Order()];
        Hub = Live.Jobs();
        Hub.On<Guid, List<MetricValue>>("RunMetrics", (runId, points) => InvokeAsync(() => Show(points)));
        Hub.On<Guid, List<LogLine>>("JobLog", (jobId, lines) => InvokeAsync(() => ShowLog(jobId, lines)));
        Hub.On<RunJob>("JobChanged", job => InvokeAsync(() => FollowAsync(job)));
        await Hub.StartAsync();
        await Hub.InvokeAsync("SubscribeToRun", Id);
        _job = await Api.RunJobAsync(Id);
        if (_job is not null)
        {
            await Hub.InvokeAsync("SubscribeToJob", _job.Id);
            // The job may have ended between the first read and the subscription: read what it left once more.
            if (JobStates.IsFinal(_job.State) && RunStatuses.IsActive(_run.Status))
            {
                await ReadRunAsync();
            }
        }
    }

    /// <summary>The run, its artefacts and the versions registered from it, as they are now.</summary>
    private async Task ReadRunAsync()
    {
        var artifacts = Api.ArtifactsAsync(Id);
        var registered = Api.RunModelVersionsAsync(Id);
        _run = await Api.RunAsync(Id);
        _artifacts = (await artifacts).Items;
        _registered = (await registered).Items;
        _latest.Reset(_run.Metrics);
    }

    /// <summary>The run's job changed: its state shows at once; once it has ended, what it changed on the run is read again.</summary>
    private async Task FollowAsync(RunJob job)
    {
        if (job.Id != _job?.Id)
        {
            return;
        }

        _job = job;
        if (JobStates.IsFinal(job.State))
        {
            await TryAsync(ReadRunAsync);
        }

        StateHasChanged();
    }

    private static Color StatusColor(string status) => status switch
    {
        "Finished" => Color.Success,
        "Failed" or "Killed" => Color.Error,
        "Running" => Color.Info,
        _ => Color.Default,
    };

    private RunJob? _job;
    private IReadOnlyList<RunModelVersion> _registered = [];
    private LiveLog? _log;
    private bool _logRead;
    private readonly List<LogLine> _pendingLog = [];

    /// <summary>Live log lines of the run's job; held until the log is on the page.</summary>
    private async Task ShowLog(Guid jobId, IReadOnlyList<LogLine> lines)
    {
        if (jobId != _job?.Id)
        {
            return;
        }

        if (_log is null)
        {
            _pendingLog.AddRange(lines);
            return;
        }

        await _log.Append(lines);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_log is not null && _job is not null && !_logRead)
        {
            _logRead = true;
            await _log.Append(_pendingLog);
            await TryAsync(() => _log.LoadHistoryAsync(Api, _job.Id));
        }

        if (_run is not null && !_historyShown && _charts.Count == _groups.Count && _groups.Count > 0)
        {
            _historyShown = true;
            foreach (var key in _run.Metrics.Select(m => m.Key))
            {
                await TryAsync(async () => Show(await Api.MetricHistoryAsync(Id, key)));
            }
        }

        Flush();
    }

    private bool _historyShown;
    private readonly List<MetricValue> _pending = [];

    /// <summary>Queues points and draws those whose chart exists; a metric seen for the first time gets its chart on the next render.</summary>
    private void Show(IReadOnlyCollection<MetricValue> points)
    {
        _pending.AddRange(points);
        _latest.Add(points);
        var missing = _pending.Select(p => GroupOf(p.Key)).Distinct().Where(g => !_groups.Contains(g)).ToList();
        if (missing.Count > 0)
        {
            _groups.AddRange(missing);
        }

        StateHasChanged();
        Flush();
    }

    private void Flush()
    {
        var drawable = _pending.Where(p => _charts.ContainsKey(GroupOf(p.Key))).ToList();
        foreach (var series in drawable.GroupBy(p => p.Key))
        {
            _charts[GroupOf(series.Key)].Append(series.Key, series.Select(p => new ChartPoint(p.Step, p.Value)));
        }

        _pending.RemoveAll(drawable.Contains);
    }
}
