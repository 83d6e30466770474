using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>
/// A <see cref="MudDataGrid{T}"/> whose <c>ServerData</c> reads a cursor-paged Api list: page n is read with the cursor page
/// n − 1 ended at. The Api gives no totals, so the grid is told one row more than it has seen while the Api has a next page:
/// its pager then offers the next page (and its last-page button goes no further), and never a page there is no cursor for.
/// </summary>
public partial class CursorGrid<T>
{
    /// <summary>Reads a page: the cursor (null: the first page), how many rows, and the grid's cancellation.</summary>
    [Parameter, EditorRequired] public Func<string?, int, CancellationToken, Task<Page<T>>> Load { get; set; } = null!;

    /// <summary>The grid's columns (<c>PropertyColumn</c>, <c>TemplateColumn</c>).</summary>
    [Parameter, EditorRequired] public RenderFragment Columns { get; set; } = null!;

    /// <summary>What the grid says when it has no rows ("Nothing here yet." unless told).</summary>
    [Parameter] public string? Empty { get; set; }

    [Parameter] public int PageSize { get; set; } = 25;

    /// <summary>The grid's <c>data-testid</c>.</summary>
    [Parameter] public string? TestId { get; set; }

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The cursor each page starts at: page 0 at null, the others as the page before them ended.</summary>
    private readonly List<string?> _cursors = [null];
    private MudDataGrid<T>? _grid;

    /// <summary>Whether the first page is shown: a timer's refresh reloads only then, so that it never moves a reader on a later page.</summary>
    public bool OnFirstPage => (_grid?.CurrentPage ?? 0) == 0;

    /// <summary>Reads the page shown again (a live update, or after an action).</summary>
    public Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Forgets the cursors and shows the first page: after a filter changed what the list holds.</summary>
    public async Task FirstPageAsync()
    {
        _cursors.RemoveRange(1, _cursors.Count - 1);
        if (_grid is null)
        {
            return;
        }

        // Going to the first page reads it; on it already, it is read again.
        if (_grid.CurrentPage != 0)
        {
            _grid.NavigateTo(MudBlazor.Page.First);
        }
        else
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<T>> ReadAsync(GridState<T> state, CancellationToken cancellationToken)
    {
        var index = Math.Clamp(state.Page, 0, _cursors.Count - 1);
        try
        {
            var page = await Load(_cursors[index], state.PageSize, cancellationToken);
            _cursors.RemoveRange(index + 1, _cursors.Count - index - 1);
            if (page.NextCursor is { } next)
            {
                _cursors.Add(next);
            }

            return new GridData<T> { Items = page.Items, TotalItems = index * state.PageSize + page.Items.Count + (page.NextCursor is null ? 0 : 1) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The grid asked again before this answer came: the newer read shows.
            return new GridData<T> { Items = [], TotalItems = 0 };
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            Snackbar.Add(message, Severity.Error);
            return new GridData<T> { Items = [], TotalItems = index * state.PageSize };
        }
    }
}
