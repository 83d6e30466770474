using MudBlazor;

namespace Platform.Web.Components.Layout;

public partial class MainLayout
{
    private bool _dark;
    private MudThemeProvider? _theme;
    private bool _drawer = true;
    private bool _ready;

    /// <summary>The user whose workspaces were last read: another sign-in reads them again before any page loads data.</summary>
    private string? _workspacesOf;

    protected override void OnInitialized() => Session.Changed += OnSessionChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // The choice made on this browser, else the system's setting (followed while no choice is made).
            _dark = await Theme.ReadAsync() ?? await _theme!.GetSystemDarkModeAsync();
            await _theme!.WatchSystemDarkModeAsync(FollowSystemAsync);
            await Session.LoadAsync();
            await LoadWorkspacesAsync();
            _ready = true;
            StateHasChanged();
        }
    }

    private async Task ToggleDarkAsync()
    {
        _dark = !_dark;
        await Theme.SaveAsync(_dark);
    }

    private async Task FollowSystemAsync(bool dark)
    {
        if (await Theme.ReadAsync() is null)
        {
            _dark = dark;
            await InvokeAsync(StateHasChanged);
        }
    }

    private async Task SignOutAsync()
    {
        await Session.SignOutAsync();
        Navigation.NavigateTo("/signin");
    }

    private void OnSessionChanged() => InvokeAsync(async () =>
    {
        // A sign-in (or sign-out) changes whose workspaces count: the page waits until the one to work in is entered,
        // so that its first calls already go there.
        if (_ready && Session.User?.UserName != _workspacesOf)
        {
            _ready = false;
            StateHasChanged();
            await LoadWorkspacesAsync();
            _ready = true;
        }

        StateHasChanged();
    });

    private async Task LoadWorkspacesAsync()
    {
        _workspacesOf = Session.User?.UserName;
        await Workspaces.LoadAsync();
    }

    public void Dispose() => Session.Changed -= OnSessionChanged;
}
