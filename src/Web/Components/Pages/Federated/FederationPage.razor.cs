using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Charts;

namespace Platform.Web.Components.Pages.Federated;

/// <summary>
/// One federation: its plan, state and reason, progress and ε, its rounds and sites, validation accuracy over the rounds (the
/// run's <c>federated.validation_accuracy</c>), and what a DataScientist or an Operator may do to it. The Api raises no event
/// as rounds pass, so, as the rollout page does while devices move, it is read again every <see cref="PollSeconds"/> seconds
/// while it waits or runs, and by hand.
/// </summary>
public partial class FederationPage
{
    public const int PollSeconds = 3;
    public const string AccuracyMetric = "federated.validation_accuracy";

    [Parameter] public Guid Id { get; set; }

    private FederationInfo? _federation;
    private Experiment? _experiment;
    private IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>> _accuracy = new Dictionary<string, IReadOnlyList<ChartPoint>>();
    private int? _chartedRounds;
    private FederationRounds? _rounds;
    private FederationSites? _sites;
    private DateTimeOffset _refreshedAt;
    private readonly CancellationTokenSource _stop = new();

    protected override async Task LoadAsync()
    {
        await RefreshAsync();
        _experiment = await Api.ExperimentAsync(_federation!.ExperimentId);
        _ = PollAsync(_stop.Token);
    }

    /// <summary>The federation, and its accuracy chart when a round was aggregated since it was last drawn.</summary>
    private async Task RefreshAsync()
    {
        _federation = await Api.FederationAsync(Id);
        _refreshedAt = DateTimeOffset.Now;
        if (_federation.CompletedRounds > 0 && _federation.CompletedRounds != _chartedRounds)
        {
            var points = await Api.MetricHistoryAsync(_federation.RunId, AccuracyMetric);
            _accuracy = new Dictionary<string, IReadOnlyList<ChartPoint>> { [AccuracyMetric] = [.. points.Select(p => new ChartPoint(p.Step, p.Value))] };
            _chartedRounds = _federation.CompletedRounds;
        }
    }

    /// <summary>The federation, its rounds and its sites: after an action, and by hand.</summary>
    private async Task RefreshAllAsync()
    {
        await RefreshAsync();
        await (_rounds?.ReloadAsync() ?? Task.CompletedTask);
        await (_sites?.ReloadAsync() ?? Task.CompletedTask);
        StateHasChanged();
    }

    private async Task PollAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(PollSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (_federation is { } shown && FederationStates.Active(shown.State))
                {
                    await InvokeAsync(() => TryAsync(async () =>
                    {
                        await RefreshAsync();
                        await (_rounds is { OnFirstPage: true } rounds ? rounds.ReloadAsync() : Task.CompletedTask);
                        await (_sites is { OnFirstPage: true } sites ? sites.ReloadAsync() : Task.CompletedTask);
                        StateHasChanged();
                    }));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private Task OnActedAsync() => TryAsync(RefreshAllAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
