using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using Bunit.Rendering;
using Platform.Web.Api;

namespace Platform.Web.Tests.Admin;

/// <summary>A signed-in portal page over a <see cref="StubApi"/>, with MudBlazor's dialog and popover providers rendered beside it.</summary>
public abstract class AdminPageContext : PortalTestContext
{
    protected AdminPageContext()
    {
        Services.AddSingleton(Api);
        Services.AddScoped(sp => new PortalSession(new ProtectedLocalStorage(sp.GetRequiredService<IJSRuntime>(), new EphemeralDataProtectionProvider())));
        Services.AddScoped(sp => new PlatformApiClient(new HttpClient(Api) { BaseAddress = new Uri("http://api.test/") }, sp.GetRequiredService<PortalSession>()));
        Services.AddScoped<WorkspacePreference>();
        Services.AddScoped<WorkspaceSelection>();
    }

    protected StubApi Api { get; } = new();

    /// <summary>Signs <paramref name="roles"/> in, then renders the page with the providers MudBlazor's dialogs and menus need.</summary>
    protected IRenderedComponent<ContainerFragment> RenderSignedIn<TPage>(params string[] roles) where TPage : IComponent =>
        RenderSignedIn<TPage>(roles, null);

    /// <summary>Signs <paramref name="role"/> in and renders a page whose route names one thing (<c>{Id:guid}</c>).</summary>
    protected IRenderedComponent<ContainerFragment> RenderSignedIn<TPage>(string role, Guid id) where TPage : IComponent =>
        RenderSignedIn<TPage>([role], id);

    /// <summary>Signs <paramref name="roles"/> in and renders a page with one named parameter (a route's <c>{Name}</c>).</summary>
    protected IRenderedComponent<ContainerFragment> RenderSignedIn<TPage>(string[] roles, string parameter, object value) where TPage : IComponent =>
        RenderWithProviders<TPage>(roles, (parameter, value));

    private IRenderedComponent<ContainerFragment> RenderSignedIn<TPage>(string[] roles, Guid? id) where TPage : IComponent =>
        RenderWithProviders<TPage>(roles, id is { } value ? ("Id", value) : null);

    private IRenderedComponent<ContainerFragment> RenderWithProviders<TPage>(string[] roles, (string Name, object Value)? parameter) where TPage : IComponent
    {
        var session = Services.GetRequiredService<PortalSession>();
        session.SignInAsync(new SignedIn("root", roles, "token", DateTimeOffset.UtcNow.AddHours(1))).GetAwaiter().GetResult();
        return Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<TPage>(2);
            if (parameter is { } p)
            {
                b.AddAttribute(3, p.Name, p.Value);
            }

            b.CloseComponent();
        });
    }

    protected static AngleSharp.Dom.IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Ticks the checkbox labelled <paramref name="label"/> inside the element with <paramref name="testId"/>.</summary>
    protected static void Tick(IRenderedComponent<ContainerFragment> page, string testId, string label) =>
        page.FindAll($"[data-testid={testId}] label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Change(true);
}
