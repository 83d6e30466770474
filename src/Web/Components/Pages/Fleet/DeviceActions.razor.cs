using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>What an Operator may do to a device in its state, each asked first: suspend or resume, revoke its key, decommission it.</summary>
public partial class DeviceActions
{
    [Inject] private PlatformApiClient Api { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter, EditorRequired] public DeviceInfo Device { get; set; } = null!;

    /// <summary>Told once an action succeeded: the page reads the device again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private bool _busy;
    private string? _failure;

    private IEnumerable<DeviceAction> Offered()
    {
        yield return Device.State == "Suspended" ? DeviceAction.Resume : DeviceAction.Suspend;
        if (Device.HasCredential)
        {
            yield return DeviceAction.Revoke;
        }

        yield return DeviceAction.Decommission;
    }

    private async Task ActAsync(DeviceAction action)
    {
        var sure = await Dialogs.ShowMessageBoxAsync($"{action.Label} {Device.Name}", $"{action.Label} {Device.Name}? {action.Consequence}",
            yesText: action.Label, cancelText: "Cancel");
        if (sure != true)
        {
            return;
        }

        (_busy, _failure) = (true, null);
        try
        {
            var device = await Api.ActOnDeviceAsync(Device.Id, action);
            Snackbar.Add($"{Device.Name} is {device.State.ToLowerInvariant()}{(action == DeviceAction.Revoke ? ", its key revoked" : "")}.", Severity.Success);
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
