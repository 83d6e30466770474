using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Federated;

public partial class FederationActions
{
    [Parameter, EditorRequired] public FederationInfo Federation { get; set; } = null!;

    /// <summary>Told once an action succeeded: the page reads the federation again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private PlatformApiClient Api { get; set; } = null!;
    [Inject] private PortalSession Session { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private string? _failure;
    private bool _busy;

    private bool CanAdmit => Session.Holds("Operator");

    private bool CanCancel => Session.Holds("DataScientist");

    private async Task AdmitAsync()
    {
        var parameters = new DialogParameters<AdmitSitesDialog> { { d => d.Selector, Federation.Plan.Selector }, { d => d.Federation, Federation.Name } };
        var dialog = await Dialogs.ShowAsync<AdmitSitesDialog>("Admit sites", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: IReadOnlyList<Guid> devices } || devices.Count == 0)
        {
            return;
        }

        await ActAsync(async () =>
        {
            var admitted = await Api.AdmitSitesAsync(Federation.Id, devices);
            Snackbar.Add($"{Words.Count(admitted.Admitted, "site")} admitted to {Federation.Name}"
                + (admitted.AlreadyAdmitted > 0 ? $"; {admitted.AlreadyAdmitted} already were." : "."), Severity.Success);
        });
    }

    private async Task CancelAsync()
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Cancel the federation",
            $"Cancel {Federation.Name}? Its open round is dropped, no more rounds run and its run ends killed. This cannot be undone.",
            yesText: "Cancel federation", cancelText: "Keep it");
        if (sure != true)
        {
            return;
        }

        await ActAsync(async () =>
        {
            var federation = await Api.CancelFederationAsync(Federation.Id);
            Snackbar.Add($"{federation.Name} is {federation.State.ToLowerInvariant()}.", Severity.Success);
        });
    }

    private async Task ActAsync(Func<Task> action)
    {
        (_busy, _failure) = (true, null);
        try
        {
            await action();
            await Changed.InvokeAsync();
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _failure = message;
        }
        finally
        {
            _busy = false;
        }
    }
}
