using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Platform.Web.Api;

/// <summary>
/// The signed-in user of one circuit: their bearer token, name and roles. Kept in the browser's local storage (every tab shares it),
/// encrypted and signed by the server (data protection), so a reload or a new tab keeps the sign-in until it expires or the user signs out, and the browser cannot forge it.
/// </summary>
public sealed class PortalSession(ProtectedLocalStorage storage)
{
    private const string Key = "platform.session";
    private bool _loaded;

    public SignedIn? User { get; private set; }

    public bool IsSignedIn => User is not null && User.ExpiresAt > DateTimeOffset.UtcNow;

    public event Action? Changed;

    public bool Holds(params string[] roles) => User is { } u && (u.Roles.Contains("Admin") || roles.Any(u.Roles.Contains));

    /// <summary>Reads the stored sign-in once per circuit (only possible once the circuit is interactive).</summary>
    public async Task LoadAsync()
    {
        if (_loaded)
        {
            return;
        }

        var stored = await storage.GetAsync<SignedIn>(Key);
        User = stored.Success && stored.Value is { } user && user.ExpiresAt > DateTimeOffset.UtcNow ? user : null;
        _loaded = true;
        Changed?.Invoke();
    }

    public async Task SignInAsync(SignedIn user)
    {
        (User, _loaded) = (user, true);
        await storage.SetAsync(Key, user);
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        User = null;
        await storage.DeleteAsync(Key);
        Changed?.Invoke();
    }
}

public sealed record SignedIn(string UserName, IReadOnlyList<string> Roles, string Token, DateTimeOffset ExpiresAt);
