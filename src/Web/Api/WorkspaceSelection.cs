using Microsoft.AspNetCore.Components;

namespace Platform.Web.Api;

/// <summary>
/// Which workspace this circuit works in: the one last chosen in this browser if the signed-in user still belongs to
/// it, else <c>default</c>, else the first they belong to. Switching remembers the choice and reloads the portal, so
/// that nothing of the old workspace stays on screen and every page and hub connection starts in the new one.
/// </summary>
public sealed class WorkspaceSelection(PlatformApiClient api, PortalSession session, WorkspacePreference preference, NavigationManager navigation)
{
    /// <summary>The workspaces the user is a member of (those they can work in), by name.</summary>
    public IReadOnlyList<WorkspaceInfo> Mine { get; private set; } = [];

    /// <summary>Why the list could not be read (the portal then works in the default workspace with the platform roles).</summary>
    public string? Failure { get; private set; }

    public WorkspaceInfo? Current => Mine.FirstOrDefault(w => w.Name == session.Workspace);

    public event Action? Changed;

    /// <summary>Reads the user's workspaces and enters the one to work in (with the roles held there).</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!session.IsSignedIn)
        {
            (Mine, Failure) = ([], null);
            session.Enter(WorkspacePaths.Default, null);
            Changed?.Invoke();
            return;
        }

        try
        {
            (Mine, Failure) = ([.. (await api.WorkspacesAsync(ct)).Where(w => w.IsMember)], null);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            (Mine, Failure) = ([], "Your workspaces could not be read: " + message);
        }

        var chosen = Pick(await preference.ReadAsync(), Mine);
        session.Enter(chosen?.Name ?? WorkspacePaths.Default, chosen?.YourRoles);
        Changed?.Invoke();
    }

    /// <summary>Remembers <paramref name="workspace"/> in this browser and reloads the portal at the dashboard inside it.</summary>
    public async Task SwitchAsync(string workspace, string to = "/")
    {
        await preference.SaveAsync(workspace);
        navigation.NavigateTo(to, forceLoad: true);
    }

    /// <summary>The remembered workspace if the user is in it, else <c>default</c> if they are, else their first; null when they are in none.</summary>
    public static WorkspaceInfo? Pick(string? remembered, IReadOnlyList<WorkspaceInfo> mine) =>
        mine.FirstOrDefault(w => w.Name == remembered) ?? mine.FirstOrDefault(w => w.Name == WorkspacePaths.Default) ?? mine.FirstOrDefault();
}
