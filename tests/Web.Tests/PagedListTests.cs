using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class PagedListTests : PortalTestContext
{
    [Fact]
    public void Next_page_asks_for_the_cursor_the_last_page_gave_and_first_page_starts_again()
    {
        var asked = new List<string?>();
        Task<Page<string>> Load(string? cursor, CancellationToken _)
        {
            asked.Add(cursor);
            return Task.FromResult(cursor is null ? new Page<string>(["a", "b"], "c1") : new Page<string>(["c"], null));
        }

        var list = Render<PagedList<string>>(p => p
            .Add(x => x.Load, Load)
            .Add(x => x.Header, (RenderFragment)(b => b.AddContent(0, "Name")))
            .Add(x => x.Row, item => b => b.AddMarkupContent(0, $"<td class=\"item\">{item}</td>")));
        Button(list, "Next page").Click();

        Assert.Equal(["c"], list.FindAll("td.item").Select(td => td.TextContent));
        Assert.True(Button(list, "Next page").HasAttribute("disabled"));
        Button(list, "First page").Click();
        Assert.Equal([null, "c1", null], asked);
        Assert.Equal(["a", "b"], list.FindAll("td.item").Select(td => td.TextContent));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<PagedList<string>> list, string text) =>
        list.FindAll("button").Single(b => b.TextContent.Contains(text));
}
