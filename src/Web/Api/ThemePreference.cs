using Microsoft.JSInterop;

namespace Platform.Web.Api;

/// <summary>The light or dark choice made in this browser, kept in its local storage (not a secret: plain text); none until the user picks one.</summary>
public sealed class ThemePreference(IJSRuntime js)
{
    private const string Key = "platform.theme";

    public async Task<bool?> ReadAsync()
    {
        try
        {
            return await js.InvokeAsync<string?>("localStorage.getItem", Key) switch
            {
                "dark" => true,
                "light" => false,
                _ => null,
            };
        }
        catch (JSException)
        {
            return null; // storage refused (private mode): follow the system
        }
    }

    public async Task SaveAsync(bool dark)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", Key, dark ? "dark" : "light");
        }
        catch (JSException)
        {
            // storage refused: the choice holds for this page only
        }
    }
}
