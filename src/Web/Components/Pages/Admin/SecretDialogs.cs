using MudBlazor;

namespace Platform.Web.Components.Pages.Admin;

/// <summary>Opens the <see cref="SecretDialog"/>; the caller keeps no copy of the secret, so once the dialog is closed it is gone.</summary>
public static class SecretDialogs
{
    public static async Task ShowOnceAsync(this IDialogService dialogs, string title, string label, string secret)
    {
        var parameters = new DialogParameters<SecretDialog> { { d => d.Secret, secret }, { d => d.Label, label } };
        var options = new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.Small, FullWidth = true };
        await dialogs.ShowAsync<SecretDialog>(title, parameters, options);
    }
}
