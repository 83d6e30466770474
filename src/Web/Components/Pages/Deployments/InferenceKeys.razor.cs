using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Deployments;

public partial class InferenceKeys
{
    [Parameter, EditorRequired] public string Deployment { get; set; } = "";

    private PagedList<InferenceKeyInfo>? _list;
    private string? _name;
    private string? _problem;
    private bool _busy;

    private async Task CreateAsync()
    {
        _problem = string.IsNullOrWhiteSpace(_name) ? "Name the key (who calls with it)." : null;
        if (_problem is not null)
        {
            return;
        }

        _busy = true;
        try
        {
            var created = await Api.CreateInferenceKeyAsync(Deployment, _name!.Trim());
            _name = null;
            await Dialogs.ShowOnceAsync($"Key \"{created.Name}\" created", "Inference key", created.Key);
            await (_list?.ReloadAsync() ?? Task.CompletedTask);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _problem = message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(InferenceKeyInfo key)
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Revoke key", $"Revoke \"{key.Name}\" ({key.Prefix}…)? Callers using it are refused once the serving hosts sync.",
            yesText: "Revoke", cancelText: "Cancel");
        if (sure != true)
        {
            return;
        }

        try
        {
            await Api.RevokeInferenceKeyAsync(Deployment, key.Id);
            Snackbar.Add($"\"{key.Name}\" is revoked.", Severity.Success);
            await (_list?.ReloadAsync() ?? Task.CompletedTask);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            Snackbar.Add(message, Severity.Error);
        }
    }
}
