using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Platform.Web.Api;

/// <summary>
/// The signed-in user of one circuit: their bearer token, name and roles, and the workspace the circuit works in with
/// the roles they hold there. The sign-in is kept in the browser's local storage (every tab shares it), encrypted and
/// signed by the server (data protection), so a reload or a new tab keeps it until it expires or the user signs out,
/// and the browser cannot forge it. The workspace is chosen by <see cref="WorkspaceSelection"/>.
/// </summary>
public sealed class PortalSession(ProtectedLocalStorage storage)
{
    private const string Key = "platform.session";
    private bool _loaded;

    public SignedIn? User { get; private set; }

    public bool IsSignedIn => User is not null && User.ExpiresAt > DateTimeOffset.UtcNow;

    /// <summary>The workspace every Api call and hub connection of this circuit works in.</summary>
    public string Workspace { get; private set; } = WorkspacePaths.Default;

    /// <summary>The roles held in <see cref="Workspace"/>; null while unknown (then the platform roles count).</summary>
    public IReadOnlyList<string>? WorkspaceRoles { get; private set; }

    public event Action? Changed;

    /// <summary>
    /// Whether the user may act with one of <paramref name="roles"/> in the current workspace (Admin there may do
    /// everything): what the Api checks for a workspace's resources, where the roles are the membership's.
    /// </summary>
    public bool Holds(params string[] roles) => User is { } u && Any(WorkspaceRoles ?? u.Roles, roles);

    /// <summary>Whether the user holds one of <paramref name="roles"/> platform-wide: users, workspaces, the audit trail.</summary>
    public bool HoldsPlatform(params string[] roles) => User is { } u && Any(u.Roles, roles);

    /// <summary>Works in <paramref name="workspace"/> from now on, holding <paramref name="roles"/> there.</summary>
    public void Enter(string workspace, IReadOnlyList<string>? roles)
    {
        (Workspace, WorkspaceRoles) = (workspace, roles);
        Changed?.Invoke();
    }

    private static bool Any(IReadOnlyList<string> held, string[] roles) => held.Contains(PlatformRoles.Admin) || roles.Any(held.Contains);

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
        (User, Workspace, WorkspaceRoles) = (null, WorkspacePaths.Default, null);
        await storage.DeleteAsync(Key);
        Changed?.Invoke();
    }
}

public sealed record SignedIn(string UserName, IReadOnlyList<string> Roles, string Token, DateTimeOffset ExpiresAt);
