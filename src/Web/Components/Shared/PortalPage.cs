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

    /// <summary>The last refusal, kept on the page (beside the form that caused it) until an action succeeds.</summary>
    protected string? Failure { get; set; }

    /// <summary>Whether what the page's address names does not exist (the Api answered 404 while loading it): the page shows the portal's 404.</summary>
    protected bool Missing { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (!Session.IsSignedIn)
        {
            Navigation.NavigateTo("/signin?returnUrl=" + Uri.EscapeDataString(Navigation.ToBaseRelativePath(Navigation.Uri)));
            return;
        }

        try
        {
            await TryAsync(LoadAsync, rethrowNotFound: true);
        }
        catch (ApiProblem problem) when (problem.Status == System.Net.HttpStatusCode.NotFound)
        {
            (Missing, Failure) = (true, null);
        }
    }

    /// <summary>Loads what the page shows.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Runs an Api call with a progress bar; an error becomes a message (a toast, and <see cref="Failure"/> until a later success); answers whether it succeeded.</summary>
    protected Task<bool> TryAsync(Func<Task> action) => TryAsync(action, rethrowNotFound: false);

    private async Task<bool> TryAsync(Func<Task> action, bool rethrowNotFound)
    {
        Loading = true;
        try
        {
            await action();
            Failure = null;
            return true;
        }
        catch (ApiProblem problem) when (rethrowNotFound && problem.Status == System.Net.HttpStatusCode.NotFound)
        {
            throw;
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            Failure = message;
            Snackbar.Add(message, Severity.Error);
            return false;
        }
        finally
        {
            Loading = false;
        }
    }
}
