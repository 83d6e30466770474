using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

public partial class RolloutApproval
{
    [Inject] private PlatformApiClient Api { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private PortalSession Session { get; set; } = null!;

    [Parameter, EditorRequired] public RolloutInfo Rollout { get; set; } = null!;

    /// <summary>Told once it was approved or rejected: the page reads the rollout again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private string? _comment;
    private string? _failure;
    private bool _busy;

    /// <summary>The signed-in user started it (the Api refuses them too: this only spares them the buttons).</summary>
    private bool Own => Session.User?.UserName == Rollout.CreatedBy;

    private string What => $"{Rollout.Model} v{Rollout.Version}";

    private async Task ApproveAsync()
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Approve the rollout",
            $"Approve the rollout of {What}? It starts now: the devices its selector picks begin to get the version, wave by wave.", yesText: "Approve", cancelText: "Cancel");
        if (sure == true)
        {
            await DecideAsync(() => Api.ApproveRolloutAsync(Rollout.Id, _comment));
        }
    }

    private async Task RejectAsync()
    {
        var parameters = new DialogParameters<RejectRolloutDialog> { { d => d.What, What } };
        var dialog = await Dialogs.ShowAsync<RejectRolloutDialog>("Reject the rollout", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string comment })
        {
            await DecideAsync(() => Api.RejectRolloutAsync(Rollout.Id, comment));
        }
    }

    private async Task DecideAsync(Func<Task<RolloutInfo>> decide)
    {
        (_busy, _failure) = (true, null);
        try
        {
            var rollout = await decide();
            _comment = null;
            Snackbar.Add($"The rollout of {What} is {FleetLooks.Words(rollout.State).ToLowerInvariant()}.", Severity.Success);
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
