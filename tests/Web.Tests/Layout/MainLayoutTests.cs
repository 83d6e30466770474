using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Platform.Web.Tests.Layout;

/// <summary>The layout: the page once the session is read, who is signed in and signing out, and dark mode (system by default, a choice kept).</summary>
public sealed class MainLayoutTests : LayoutContext
{
    [Fact]
    public void The_page_shows_once_ready_with_the_signed_in_user_and_sign_out_that_goes_to_the_sign_in_page()
    {
        StoredTheme(null);
        var layout = RenderLayout("ana");

        layout.WaitForAssertion(() => Assert.Single(layout.FindAll("[data-testid=page-body]")));
        Assert.Equal("ana", layout.Find("[data-testid=signed-in-user]").TextContent.Trim());
        Assert.Equal("1", layout.Find(".mud-layout").GetAttribute("data-interactive"));
        layout.Find("[data-testid=sign-out]").Click();

        layout.WaitForAssertion(() => Assert.EndsWith("/signin", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Empty(layout.FindAll("[data-testid=signed-in-user]"));
    }

    [Fact]
    public void Signed_out_there_is_no_search_box_and_no_user()
    {
        StoredTheme(null);
        var layout = RenderLayout(user: null);

        layout.WaitForAssertion(() => Assert.Single(layout.FindAll("[data-testid=page-body]")));
        Assert.Empty(layout.FindAll("#global-search"));
        Assert.Empty(layout.FindAll("[data-testid=sign-out]"));
    }

    [Theory]
    [InlineData(true, "dark")]
    [InlineData(false, "light")]
    public void With_no_choice_made_the_theme_is_the_systems(bool systemDark, string expected)
    {
        StoredTheme(null);
        SystemDark(systemDark);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal(expected, Theme(layout)));
    }

    [Fact]
    public async Task With_no_choice_made_the_theme_follows_the_system_when_it_changes()
    {
        StoredTheme(null);
        SystemDark(false);
        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Equal("light", Theme(layout)));

        await layout.InvokeAsync(() => layout.FindComponent<MudThemeProvider>().Instance.SystemDarkModeChangedAsync(true));

        layout.WaitForAssertion(() => Assert.Equal("dark", Theme(layout)));
    }

    [Fact]
    public async Task A_choice_stored_in_this_browser_is_read_at_start_and_wins_over_the_system()
    {
        StoredTheme("dark");
        SystemDark(false);

        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Equal("dark", Theme(layout)));
        await layout.InvokeAsync(() => layout.FindComponent<MudThemeProvider>().Instance.SystemDarkModeChangedAsync(false));

        Assert.Equal("dark", Theme(layout));
    }

    [Fact]
    public void Switching_the_theme_stores_the_choice_for_the_next_visit()
    {
        StoredTheme(null);
        SystemDark(false);
        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Equal("light", Theme(layout)));

        layout.Find("[aria-label='Switch between light and dark theme']").Click();

        Assert.Equal("dark", Theme(layout));
        var saved = JSInterop.Invocations["localStorage.setItem"].Where(i => Equals(i.Arguments[0], "platform.theme")).ToList();
        Assert.Equal(["platform.theme", "dark"], Assert.Single(saved).Arguments);
    }
}
