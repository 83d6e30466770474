using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Federated;

/// <summary>The admit-sites dialog: closes with the ticked devices' ids, or is cancelled; finding devices is the fleet's device list.</summary>
public partial class AdmitSitesDialog
{
    /// <summary>The most devices one search lists (the fleet's largest page).</summary>
    public const int Limit = 100;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;

    /// <summary>The federation as the dialog names it.</summary>
    [Parameter, EditorRequired] public string Federation { get; set; } = "";

    /// <summary>The selector the search starts with: the federation's own.</summary>
    [Parameter] public string Selector { get; set; } = "";

    [Inject] private PlatformApiClient Api { get; set; } = null!;

    private string? _selector;
    private string? _selectorError;
    private IReadOnlyList<DeviceInfo> _devices = [];
    private readonly HashSet<Guid> _ticked = [];
    private bool _more;
    private bool _loading;

    protected override async Task OnInitializedAsync()
    {
        _selector = Selector;
        await FindAsync();
    }

    /// <summary>The devices the selector picks, none ticked (admitting is consent: each is the Operator's choice); the Api's complaint about the selector shows beside it.</summary>
    private async Task FindAsync()
    {
        (_loading, _selectorError) = (true, null);
        try
        {
            var page = await Api.DevicesAsync(new DeviceFilter(Selector: string.IsNullOrWhiteSpace(_selector) ? null : _selector.Trim()), Limit, null);
            (_devices, _more) = (page.Items, page.NextCursor is not null);
            _ticked.Clear();
        }
        catch (ApiProblem problem) when (problem.ErrorFor("selector") is { } complaint)
        {
            (_selectorError, _devices) = (complaint, []);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            (_selectorError, _devices) = (message, []);
        }
        finally
        {
            _loading = false;
        }
    }

    private void Tick(Guid device, bool on) => _ = on ? _ticked.Add(device) : _ticked.Remove(device);

    private void TickAll(bool on)
    {
        _ticked.Clear();
        if (on)
        {
            _ticked.UnionWith(_devices.Select(d => d.Id));
        }
    }

    private void Admit() => Dialog.Close(DialogResult.Ok<IReadOnlyList<Guid>>([.. _devices.Where(d => _ticked.Contains(d.Id)).Select(d => d.Id)]));
}
