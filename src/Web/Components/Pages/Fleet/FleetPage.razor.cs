using Microsoft.AspNetCore.Components.Web;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>
/// The fleet: its counts (by state, version served and a label's value) and its devices, both for the filters last applied.
/// A selector the Api cannot read is said beside the field, not as a toast.
/// </summary>
public partial class FleetPage
{
    private PagedList<DeviceInfo>? _list;
    private FleetSummaryInfo? _summary;
    private string? _selector;
    private string? _state;
    private string? _model;
    private int? _version;
    private string? _groupBy = "region";
    private string? _selectorError;
    private string? _groupByError;

    /// <summary>What the summary and the table show: the filters as they were when "Filter" was pressed.</summary>
    private DeviceFilter _applied = new();

    private string EmptyText => _applied == new DeviceFilter()
        ? "No devices yet — create an enrolment token and enrol one."
        : "No device matches these filters.";

    protected override Task LoadAsync() => ReadSummaryAsync();

    private async Task ApplyAsync()
    {
        _applied = new DeviceFilter(
            Blank(_selector), _state, Blank(_model), string.IsNullOrWhiteSpace(_model) ? null : _version);
        (_selectorError, _groupByError) = (null, null);
        if (await TryAsync(ReadSummaryAsync))
        {
            await (_list?.ReloadAsync() ?? Task.CompletedTask);
        }
    }

    private Task OnKeyAsync(KeyboardEventArgs e) => e.Key == "Enter" ? ApplyAsync() : Task.CompletedTask;

    /// <summary>The counts for the applied selector; a 400 about the selector or the label to group by goes beside that field.</summary>
    private async Task ReadSummaryAsync()
    {
        try
        {
            _summary = await Api.FleetSummaryAsync(_applied.Selector, Blank(_groupBy));
        }
        catch (ApiProblem problem) when (problem.ErrorFor("selector") is not null || problem.ErrorFor("groupBy") is not null)
        {
            (_selectorError, _groupByError, _summary) = (problem.ErrorFor("selector"), problem.ErrorFor("groupBy"), null);
        }
    }

    private async Task<Page<DeviceInfo>> LoadDevicesAsync(string? cursor, CancellationToken ct)
    {
        try
        {
            return await Api.DevicesAsync(_applied, 25, cursor, ct);
        }
        catch (ApiProblem problem) when (problem.ErrorFor("selector") is { } complaint)
        {
            _selectorError = complaint;
            StateHasChanged();
            return new Page<DeviceInfo>([], null);
        }
    }

    private static string Platform(DeviceInventoryInfo inventory) =>
        string.Join(" · ", new[] { inventory.Os, inventory.Architecture, inventory.Accelerator }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } text
            ? text
            : "—";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
