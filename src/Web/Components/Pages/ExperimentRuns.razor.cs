using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

/// <summary>An experiment's runs: filtered and ordered on the server (a click on a column heading orders by it), paged, picked for comparison.</summary>
public partial class ExperimentRuns
{
    /// <summary>Metric columns: the keys the first page's runs have, at most this many.</summary>
    public const int MaxMetricColumns = 4;

    [Parameter] public Guid Id { get; set; }

    private Experiment? _experiment;
    private PagedList<RunRow>? _runs;
    private string? _filter;
    private string _orderBy = RunOrdering.Default;
    private string? _metricOrder;
    private List<string> _metricKeys = [];
    private readonly List<Guid> _selected = [];

    protected override async Task LoadAsync() => _experiment = await Api.ExperimentAsync(Id);

    private async Task<Page<RunRow>> LoadRunsAsync(string? cursor, CancellationToken ct)
    {
        var page = await Api.RunsAsync(Id, _filter, _orderBy, 50, cursor, ct);
        if (cursor is null)
        {
            var keys = page.Items.SelectMany(r => r.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).Take(MaxMetricColumns).ToList();
            if (!keys.SequenceEqual(_metricKeys))
            {
                _metricKeys = keys;
                StateHasChanged();
            }
        }

        return page;
    }

    private Task SortAsync(string field)
    {
        (_orderBy, _metricOrder) = (RunOrdering.Toggle(_orderBy, field), null);
        return _runs?.ReloadAsync() ?? Task.CompletedTask;
    }

    private void Toggle(Guid id, bool on)
    {
        _selected.Remove(id);
        if (on)
        {
            _selected.Add(id);
        }
    }

    private Task ApplyAsync()
    {
        if (!string.IsNullOrWhiteSpace(_metricOrder))
        {
            (_orderBy, _metricOrder) = (RunOrdering.MetricField(_metricOrder.Trim()) + " desc", null);
        }

        return _runs?.ReloadAsync() ?? Task.CompletedTask;
    }
}
