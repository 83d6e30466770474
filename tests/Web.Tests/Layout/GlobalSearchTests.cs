using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Platform.Web.Api;
using Platform.Web.Components.Layout;

namespace Platform.Web.Tests.Layout;

/// <summary>The app bar's search: the shortcut opens it, what is typed is searched, and the hits are listed by kind and linked.</summary>
public sealed class GlobalSearchTests : LayoutContext
{
    private static readonly Guid RunId = Guid.NewGuid();

    public GlobalSearchTests()
    {
        Api.On(HttpMethod.Get, "/api/v1/search?q=churn", () => new SearchResults(
            [new("experiment", Guid.NewGuid(), "churn", null)], [new("run", RunId, "churn baseline", "churn")], [new("model", Guid.NewGuid(), "churn model", null)], []));
        Api.On(HttpMethod.Get, "/api/v1/search?q=zz", () => new SearchResults([], [], [], []));
    }

    [Fact]
    public async Task The_shortcut_registered_with_the_page_puts_the_cursor_in_the_box_and_shows_the_last_results()
    {
        var search = Render<GlobalSearch>();
        search.Find("#global-search").Input("churn");
        search.WaitForAssertion(() => Assert.Equal(3, search.FindAll("[data-testid=search-result]").Count));
        search.Find("#global-search").KeyDown("Escape");
        search.WaitForAssertion(() => Assert.Empty(search.FindAll("[data-testid=search-results]")));

        // What the page's script does on "/" or Ctrl+K: calls back the object the box registered.
        var registered = JSInterop.VerifyInvoke("platformSearchShortcut");
        var self = Assert.IsType<DotNetObjectReference<GlobalSearch>>(registered.Arguments[0]);
        await search.InvokeAsync(() => self.Value.OpenAsync());

        JSInterop.VerifyFocusAsyncInvoke();
        Assert.Equal(3, search.FindAll("[data-testid=search-result]").Count);
    }

    [Fact]
    public void Typing_lists_the_hits_by_kind_each_linked_to_its_page()
    {
        var search = Render<GlobalSearch>();

        search.Find("#global-search").Input("churn");

        search.WaitForAssertion(() => Assert.Equal(3, search.FindAll("[data-testid=search-result]").Count));
        var links = search.FindAll("[data-testid=search-result] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/experiments/{links[0]![13..]}", $"/runs/{RunId}", "/models/churn%20model"], links);
        Assert.Equal("/search?q=churn", search.Find("[data-testid=search-all]").GetAttribute("href"));
    }

    [Fact]
    public void One_character_searches_nothing_and_an_empty_answer_says_so()
    {
        var search = Render<GlobalSearch>();

        search.Find("#global-search").Input("z");
        Assert.Empty(search.FindAll("[data-testid=search-results]"));
        Assert.DoesNotContain(Api.Sent, s => s.Path.StartsWith("/api/v1/search", StringComparison.Ordinal));
        search.Find("#global-search").Input("zz");

        search.WaitForAssertion(() => Assert.Contains("Nothing is named like “zz”", search.Find("[data-testid=search-nothing]").TextContent));
    }

    [Fact]
    public void Enter_opens_the_results_page_for_what_was_typed()
    {
        var search = Render<GlobalSearch>();
        search.Find("#global-search").Input("churn");

        search.Find("#global-search").KeyDown("Enter");

        Assert.EndsWith("/search?q=churn", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
