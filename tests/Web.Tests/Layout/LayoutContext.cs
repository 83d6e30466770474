using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Layout;
using Platform.Web.Tests.Admin;

namespace Platform.Web.Tests.Layout;

/// <summary>The portal's layout over the stub Api, with this browser's stored theme and the system's setting chosen by each test.</summary>
public abstract class LayoutContext : AdminPageContext
{
    protected LayoutContext()
    {
        Services.AddScoped<ThemePreference>();
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>What this browser's local storage holds for the theme ("dark", "light", or null: never picked).</summary>
    protected void StoredTheme(string? value) => JSInterop.Setup<string?>("localStorage.getItem", "platform.theme").SetResult(value);

    /// <summary>The operating system's dark setting, as MudBlazor's theme provider reads it.</summary>
    protected void SystemDark(bool dark) =>
        JSInterop.Setup<bool>(i => i.Identifier.StartsWith("mudThemeProvider", StringComparison.Ordinal)).SetResult(dark);

    /// <summary>What this browser's local storage holds for the workspace last chosen (null: none).</summary>
    protected void StoredWorkspace(string? value) => JSInterop.Setup<string?>("localStorage.getItem", WorkspacePreference.Key).SetResult(value);

    protected IRenderedComponent<MainLayout> RenderLayout(string? user = "ana", string[]? roles = null)
    {
        if (user is not null)
        {
            Services.GetRequiredService<PortalSession>().SignInAsync(new SignedIn(user, roles ?? ["DataScientist"], "token", DateTimeOffset.UtcNow.AddHours(1))).GetAwaiter().GetResult();
        }

        return Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"page-body\">the page</p>"))));
    }

    protected static string Theme(IRenderedComponent<MainLayout> layout) =>
        layout.Find("[aria-label='Switch between light and dark theme']").GetAttribute("data-theme")!;
}
