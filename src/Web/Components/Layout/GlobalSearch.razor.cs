using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Layout;

/// <summary>
/// The global search: what is typed (two characters or more) is searched at once and the hits listed under the box,
/// each linked to its page; the shortcut ("/" or Ctrl+K, caught in the page's script) calls <see cref="OpenAsync"/>.
/// </summary>
public partial class GlobalSearch
{
    public const int MinLength = 2;

    /// <summary>How long typing must pause before what is typed is searched (the text itself is kept at once, for Enter).</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private PlatformApiClient Api { get; set; } = null!;
    [Inject] private IJSRuntime Js { get; set; } = null!;

    private MudTextField<string>? _box;
    private DotNetObjectReference<GlobalSearch>? _self;
    private string? _text;
    private string? _searched;
    private SearchResults? _results;
    private bool _open;
    private int _asked;

    private string AllResultsHref => "/search?q=" + Uri.EscapeDataString(_searched ?? "");

    private static IEnumerable<(string, IReadOnlyList<SearchHit>)> Groups(SearchResults r) =>
        [("Experiments", r.Experiments), ("Runs", r.Runs), ("Models", r.Models), ("Deployments", r.Deployments)];

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await Js.InvokeVoidAsync("platformSearchShortcut", _self);
        }
    }

    /// <summary>The shortcut: the cursor goes into the box, and the last results (if any) show again.</summary>
    [JSInvokable]
    public async Task OpenAsync()
    {
        _open = true;
        await InvokeAsync(StateHasChanged);
        if (_box is not null)
        {
            await _box.FocusAsync();
        }
    }

    private async Task TypedAsync(string? text)
    {
        _text = text;
        _asked++;
        var query = text?.Trim() ?? "";
        if (query.Length < MinLength)
        {
            (_results, _open) = (null, false);
            return;
        }

        var asked = _asked; // every keystroke counts, so an older pause or answer is dropped
        await Task.Delay(Pause);
        if (asked != _asked)
        {
            return; // more was typed meanwhile
        }

        try
        {
            var results = await Api.SearchAsync(query);
            if (asked == _asked)
            {
                (_results, _searched, _open) = (results, query, true); // an answer overtaken by a newer question is dropped
            }
        }
        catch (Exception e) when (ApiFailure.Describe(e) is not null)
        {
            _results = null; // the results page says why; the box stays usable
        }
    }

    private Task KeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            _open = false;
        }
        else if (e.Key == "Enter" && !string.IsNullOrWhiteSpace(_text))
        {
            _open = false;
            Navigation.NavigateTo("/search?q=" + Uri.EscapeDataString(_text.Trim()));
        }

        return Task.CompletedTask;
    }

    /// <summary>Focus left the box and its list: the list closes, after a click on one of its links has been followed.</summary>
    private async Task CloseSoonAsync()
    {
        await Task.Delay(250);
        _open = false;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => InvokeAsync(() =>
    {
        _open = false;
        StateHasChanged();
    });

    public ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _self?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
