using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>
/// A page for signed-in users: sends others to sign in, and turns every Api error into a readable message instead of
/// a broken circuit.
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [Inject] protected PortalSession Session { get; set; } = null!;
    [Inject] protected PlatformApiClient Api { get; set; } = null!;
    [Inject] protected ISnackbar Snackbar { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected bool Loading { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (!Session.IsSignedIn)
        {
            Navigation.NavigateTo("/signin?returnUrl=" + Uri.EscapeDataString(Navigation.ToBaseRelativePath(Navigation.Uri)));
            return;
        }

        await TryAsync(LoadAsync);
    }

    /// <summary>Loads what the page shows.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Runs an Api call with a progress bar; an error becomes a message; answers whether it succeeded.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        Loading = true;
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            Snackbar.Add(message, Severity.Error);
            return false;
        }
        finally
        {
            Loading = false;
        }
    }
}
