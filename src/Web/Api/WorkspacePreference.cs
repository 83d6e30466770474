using Microsoft.JSInterop;

namespace Platform.Web.Api;

/// <summary>The workspace last chosen in this browser, kept in its local storage (a name, not a secret) across reloads and sign-ins.</summary>
public sealed class WorkspacePreference(IJSRuntime js)
{
    public const string Key = "platform.workspace";

    public async Task<string?> ReadAsync()
    {
        try
        {
            return await js.InvokeAsync<string?>("localStorage.getItem", Key);
        }
        catch (JSException)
        {
            return null; // storage refused (private mode): the default workspace
        }
    }

    public async Task SaveAsync(string workspace)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", Key, workspace);
        }
        catch (JSException)
        {
            // storage refused: the choice holds until the next reload
        }
    }
}
