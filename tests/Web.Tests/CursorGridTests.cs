using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class CursorGridTests : PortalTestContext
{
    private readonly List<(string? Cursor, int Limit)> _asked = [];

    private Task<Page<string>> Load(string? cursor, int limit, CancellationToken _)
    {
        _asked.Add((cursor, limit));
        return Task.FromResult(cursor switch
        {
            null => new Page<string>(["a", "b"], "c1"),
            "c1" => new Page<string>(["c", "d"], "c2"),
            _ => new Page<string>(["e"], null),
        });
    }

    private IRenderedComponent<CursorGrid<string>> RenderGrid() => Render<CursorGrid<string>>(p => p
        .Add(x => x.Load, Load)
        .Add(x => x.PageSize, 2)
        .Add(x => x.Columns, (RenderFragment)(b =>
        {
            b.OpenComponent<TemplateColumn<string>>(0);
            b.AddAttribute(1, nameof(TemplateColumn<string>.Title), "Item");
            b.AddAttribute(2, nameof(TemplateColumn<string>.CellTemplate), (RenderFragment<CellContext<string>>)(cell => c => c.AddMarkupContent(0, $"<span class=\"item\">{cell.Item}</span>")));
            b.CloseComponent();
        })));

    private static IReadOnlyList<string> Shown(IRenderedComponent<CursorGrid<string>> grid) => [.. grid.FindAll("span.item").Select(s => s.TextContent)];

    private static void Go(IRenderedComponent<CursorGrid<string>> grid, string label) =>
        grid.InvokeAsync(() => grid.Find($".mud-table-pagination-actions button[aria-label='{label}']").Click()).GetAwaiter().GetResult();

    [Fact]
    public void Each_next_page_is_read_with_the_cursor_the_page_before_ended_at_and_the_last_has_no_next()
    {
        var grid = RenderGrid();
        grid.WaitForAssertion(() => Assert.Equal(["a", "b"], Shown(grid)));

        Go(grid, "Next page");
        grid.WaitForAssertion(() => Assert.Equal(["c", "d"], Shown(grid)));
        Go(grid, "Next page");
        grid.WaitForAssertion(() => Assert.Equal(["e"], Shown(grid)));

        Assert.Equal([(null, 2), ("c1", 2), ("c2", 2)], _asked);
        Assert.True(grid.Find(".mud-table-pagination-actions button[aria-label='Next page']").HasAttribute("disabled"), "the last page still offers a next one");
        Assert.Contains("5–5", grid.Find(".mud-table-pagination-caption").TextContent);
    }

    [Fact]
    public async Task The_previous_page_is_read_again_with_its_own_cursor_and_first_page_forgets_the_rest_reading_it_once()
    {
        var grid = RenderGrid();
        grid.WaitForAssertion(() => Assert.Equal(["a", "b"], Shown(grid)));
        Go(grid, "Next page");
        grid.WaitForAssertion(() => Assert.Equal(["c", "d"], Shown(grid)));
        Go(grid, "Next page");
        grid.WaitForAssertion(() => Assert.Equal(["e"], Shown(grid)));

        Go(grid, "Previous page");
        grid.WaitForAssertion(() => Assert.Equal(["c", "d"], Shown(grid)));
        Assert.Equal("c1", _asked[^1].Cursor);

        await grid.InvokeAsync(() => grid.Instance.FirstPageAsync());
        grid.WaitForAssertion(() => Assert.Equal(["a", "b"], Shown(grid)));
        Assert.True(grid.Instance.OnFirstPage);
        Assert.Equal([null, "c1", "c2", "c1", null], _asked.Select(a => a.Cursor));
    }
}
