using Microsoft.Playwright;

namespace Platform.E2E.Tests;

/// <summary>What a person does in the portal, as Playwright steps.</summary>
internal static class PortalPages
{
    /// <summary>Opens a page and waits until the Blazor circuit is interactive (a click before that is lost).</summary>
    public static async Task GoAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive='1']").WaitForAsync(new() { Timeout = 30_000 });
    }

    public static async Task SignInAsync(this IPage page, string user, string password)
    {
        await page.GoAsync("/signin");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("[data-testid=signed-in-user]").WaitForAsync();
    }

    /// <summary>Picks an option of a MudSelect by the select's input id and the option's text.</summary>
    public static async Task PickAsync(this IPage page, string inputId, string option)
    {
        await page.Locator($"#{inputId}").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        // The list closes and the select takes the focus back (a re-render): typing into the next field before that can be lost.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(PortalHost.Screenshots, name + ".png"), FullPage = true });

    /// <summary>Every input has a label, and the page is no wider than the screen: both failures name the page and the size.</summary>
    public static async Task AssertFitsAsync(this IPage page, string path, int width, int height)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(PortalQualityTests.UnlabelledInputs);
        Assert.True(unlabelled.Length == 0, $"{path} at {width}x{height}: inputs without a label: {string.Join(", ", unlabelled)}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} at {width}x{height} is {overflow} px wider than the screen");
    }
}
