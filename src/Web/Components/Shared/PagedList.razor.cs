using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

public partial class PagedList<T>
{
    [Parameter, EditorRequired] public Func<string?, CancellationToken, Task<Page<T>>> Load { get; set; } = null!;
    [Parameter, EditorRequired] public RenderFragment Header { get; set; } = null!;
    [Parameter, EditorRequired] public RenderFragment<T> Row { get; set; } = null!;

    /// <summary>What the table says when it has no rows ("Nothing here yet." unless told).</summary>
    [Parameter] public string? Empty { get; set; }

    /// <summary>What shows under a row (an expanded row's details); nothing when null.</summary>
    [Parameter] public RenderFragment<T>? ChildRow { get; set; }

    private IReadOnlyList<T> _items = [];
    private string? _next;
    private int _page;
    private bool _loading;

    /// <summary>Whether the first page is shown: a timer's refresh reloads only then, so that it never pulls a reader back from a later page.</summary>
    public bool OnFirstPage => _page == 0;

    protected override Task OnInitializedAsync() => ShowAsync(null, 0);

    /// <summary>Shows the first page again, also when asked from outside an event of this list (a live update).</summary>
    public async Task ReloadAsync()
    {
        await ShowAsync(null, 0);
        StateHasChanged();
    }

    private Task FirstAsync() => ShowAsync(null, 0);

    private Task NextAsync() => ShowAsync(_next, _page + 1);

    private async Task ShowAsync(string? cursor, int page)
    {
        _loading = true;
        try
        {
            var result = await Load(cursor, CancellationToken.None);
            (_items, _next, _page) = (result.Items, result.NextCursor, page);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            Snackbar.Add(message, Severity.Error);
        }
        finally
        {
            _loading = false;
        }
    }
}
