using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Charts;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

/// <summary>
/// 2 to 10 runs side by side: their params (differing first), latest metric values (best marked), a parallel-coordinates
/// chart of the differing params and a chosen metric, a scatter of a numeric param against it, and every metric's history.
/// </summary>
public partial class CompareRuns
{
    public const int MaxRuns = 10;

    /// <summary>The params a parallel-coordinates chart shows at most (the differing ones first).</summary>
    public const int MaxParallelParams = 8;

    /// <summary>
    /// A differing param's row: a faint tint of the theme's warning colour with a bar at its start, so the text keeps the
    /// theme's own colour (readable in light and dark) and the mark does not rest on colour alone.
    /// </summary>
    public const string DiffersStyle = "background-color:rgba(var(--mud-palette-warning-rgb),0.12);box-shadow:inset 3px 0 0 var(--mud-palette-warning)";

    [SupplyParameterFromQuery(Name = "runs")] public string? RunIds { get; set; }

    private List<RunDetail> _runs = [];
    private List<string> _metricKeys = [];
    private IReadOnlyList<LatestMetricRow> _latest = [];
    private Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>>> _histories = [];
    private string? _metric;
    private string? _param;
    private bool _historiesLoading;

    private Dictionary<Guid, string> _labels = [];

    /// <summary>Each run's name, with the start of its id where two runs share a name (series and lines are told apart by it).</summary>
    private IReadOnlyList<string> RunNames => [.. _runs.Select(r => _labels[r.Id])];

    /// <summary>Params whose every value is a number: the scatter's choices, differing ones first.</summary>
    private IReadOnlyList<string> NumericParams => [.. RunComparison.Parameters(_runs)
        .Where(p => p.Values.All(v => v is null || ParallelScale.Number(v) is not null) && p.Values.Any(v => v is not null)).Select(p => p.Key)];

    private IReadOnlyList<ParallelAxis> ParallelAxes
    {
        get
        {
            var parameters = RunComparison.Parameters(_runs);
            var shown = parameters.Any(p => p.Differs) ? parameters.Where(p => p.Differs) : parameters;
            return [.. shown.Take(MaxParallelParams).Select(p => new ParallelAxis(p.Key, p.Values)),
                new ParallelAxis(_metric ?? "", [.. _runs.Select(r => Latest(r, _metric) is { } v ? ChartGeometry.Format(v) : null)])];
        }
    }

    private Dictionary<string, IReadOnlyList<ChartPoint>>? Scatter => _param is null || _metric is null ? null
        : _runs.Where(r => ParallelScale.Number(r.Params.GetValueOrDefault(_param)) is not null && Latest(r, _metric) is not null)
            .ToDictionary(r => _labels[r.Id], r => (IReadOnlyList<ChartPoint>)[new ChartPoint(ParallelScale.Number(r.Params[_param])!.Value, Latest(r, _metric)!.Value)]);

    protected override async Task LoadAsync()
    {
        var ids = (RunIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count is < 2 or > MaxRuns)
        {
            Snackbar.Add($"Pick 2 to {MaxRuns} runs to compare.", MudBlazor.Severity.Warning);
            return;
        }

        _runs = [.. await Task.WhenAll(ids.Select(id => Api.RunAsync(id)))];
        _labels = _runs.ToDictionary(r => r.Id, r => _runs.Count(o => o.Name == r.Name) > 1 ? $"{r.Name} ({r.Id.ToString()[..8]})" : r.Name);
        _metricKeys = [.. _runs.SelectMany(r => r.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal)];
        _latest = LatestMetricComparison.Rows(_runs);
        _metric = _metricKeys.FirstOrDefault();
        _param = NumericParams.FirstOrDefault();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_historiesLoading || _runs.Count == 0)
        {
            return;
        }

        _historiesLoading = true;
        using var gate = new SemaphoreSlim(6);
        await Task.WhenAll(_metricKeys.Select(async key =>
        {
            var lines = new Dictionary<string, IReadOnlyList<ChartPoint>>();
            foreach (var run in _runs.Where(r => r.Metrics.Any(m => m.Key == key)))
            {
                await gate.WaitAsync();
                try
                {
                    await TryAsync(async () => lines[_labels[run.Id]] = [.. (await Api.MetricHistoryAsync(run.Id, key)).Select(p => new ChartPoint(p.Step, p.Value))]);
                }
                finally
                {
                    gate.Release();
                }
            }

            _histories[key] = lines;
        }));
        StateHasChanged();
    }

    private static double? Latest(RunDetail run, string? key) =>
        run.Metrics.FirstOrDefault(m => m.Key == key) is { } m && double.IsFinite(m.Value) ? m.Value : null;
}
