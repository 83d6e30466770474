using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Tracking;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages;

/// <summary>
/// An experiment's runs: filtered and ordered on the server, paged by cursor, one column per chosen param and metric
/// (from the experiment's keys, so a filter never changes them), picked for comparison. The view lives in the address:
/// every change navigates, and the address (a reload, a shared link, back and forward) decides what is shown.
/// </summary>
public partial class ExperimentRuns
{
    public const int PageSize = 50;

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "filter")] public string? FilterQuery { get; set; }
    [SupplyParameterFromQuery(Name = "order")] public string? OrderQuery { get; set; }
    [SupplyParameterFromQuery(Name = "cols")] public string? ColumnsQuery { get; set; }
    [SupplyParameterFromQuery(Name = "cursor")] public string? CursorQuery { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageQuery { get; set; }

    private Experiment? _experiment;
    private RunKeys _keys = new([], [], [], false);
    private RunsView _view = RunsView.Default;
    private string? _shown;
    private IReadOnlyList<string> _allColumns = [];
    private IReadOnlyList<string> _columns = [];
    private IReadOnlyList<RunRow> _items = [];
    private string? _next;
    private bool _loading;
    private string? _filter;
    private readonly Stack<string?> _previous = new();
    private readonly List<Guid> _selected = [];

    private RunsView Requested => RunsView.FromQuery(FilterQuery, OrderQuery, ColumnsQuery, CursorQuery, PageQuery);

    private bool OrderOffered => RunOrdering.FieldOf(_view.OrderBy) == "attributes.start_time"
        || _keys.Metrics.Any(k => RunOrdering.FieldOf(_view.OrderBy) == RunOrdering.MetricField(k));

    private string RangeText => _items.Count == 0 ? "none" : $"{(_view.Page - 1) * PageSize + 1}–{(_view.Page - 1) * PageSize + _items.Count}";

    protected override async Task LoadAsync()
    {
        var experiment = Api.ExperimentAsync(Id);
        var keys = Api.RunKeysAsync(Id);
        var runs = ShowAsync(Requested, fromAddress: true);
        (_experiment, _keys) = (await experiment, await keys);
        await runs;
        Arrange();
    }

    protected override async Task OnParametersSetAsync()
    {
        // A new address for the same page (back, forward, a link): show what it asks for.
        if (Session.IsSignedIn && _shown is not null && Requested.Key != _shown)
        {
            _previous.Clear();
            await ShowAsync(Requested, fromAddress: true);
        }
    }

    /// <summary>Loads and shows a view; one read from the address also fills the filter box with its filter.</summary>
    private async Task ShowAsync(RunsView view, bool fromAddress = false)
    {
        (_view, _shown, _loading) = (view, view.Key, true);
        if (fromAddress)
        {
            _filter = view.Filter;
        }

        Arrange();
        try
        {
            var page = await Api.RunsAsync(Id, view.Filter, view.OrderBy, PageSize, view.Cursor);
            (_items, _next) = (page.Items, page.NextCursor);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            (_items, _next) = ([], null);
            Snackbar.Add(message, Severity.Error);
        }
        finally
        {
            _loading = false;
        }
    }

    private void Arrange() => (_allColumns, _columns) = (RunsView.All(_keys), _view.ColumnsOf(_keys));

    /// <summary>Puts the view in the address (a history entry of its own) and shows it.</summary>
    private Task GoAsync(RunsView view)
    {
        _shown = view.Key; // before navigating: the new address then finds this view already shown
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(view.ToQuery()));
        return ShowAsync(view);
    }

    private Task ApplyAsync()
    {
        _previous.Clear();
        var filter = string.IsNullOrWhiteSpace(_filter) ? null : _filter.Trim();
        return GoAsync(_view with { Filter = filter, Cursor = null, Page = 1 });
    }

    private Task SortAsync(string field) => SortByAsync(RunOrdering.Toggle(_view.OrderBy, field));

    private Task SortByAsync(string orderBy)
    {
        _previous.Clear();
        return GoAsync(_view with { OrderBy = orderBy, Cursor = null, Page = 1 });
    }

    private Task ChooseColumnsAsync(IReadOnlyList<string> columns) => GoAsync(_view with { Columns = columns });

    private Task FirstAsync()
    {
        _previous.Clear();
        return GoAsync(_view with { Cursor = null, Page = 1 });
    }

    private Task NextAsync()
    {
        _previous.Push(_view.Cursor);
        return GoAsync(_view with { Cursor = _next, Page = _view.Page + 1 });
    }

    private Task PreviousAsync() => GoAsync(_view with { Cursor = _previous.Pop(), Page = Math.Max(1, _view.Page - 1) });

    private void Toggle((Guid Run, bool On) change)
    {
        _selected.Remove(change.Run);
        if (change.On)
        {
            _selected.Add(change.Run);
        }
    }
}
