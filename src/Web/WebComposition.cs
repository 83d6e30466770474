using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Platform.Web.Api;
using Platform.Web.Components;

namespace Platform.Web;

/// <summary>How the portal is put together; used by the Web process and by the embedded Host alike.</summary>
public static class WebComposition
{
    /// <summary>Where a page request that found nothing is answered, with its 404 kept, by the portal's own page.</summary>
    public const string NotFoundPath = "/not-found";

    private const string PortalStatusPages = "Platform.Web.StatusCodePages";

    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
        // `dotnet run` starts in Production, where ASP.NET Core reads the static web assets manifest of a build only when
        // told to: without it MudBlazor's and Blazor's files were answered 200 with an empty body and the portal was blank.
        // From a publish output there is no such manifest and the files are in wwwroot: this changes nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton<IPortalApiAddress, ConfiguredApiAddress>();
        builder.Services.AddScoped<PortalSession>();
        builder.Services.AddScoped<LiveConnections>();
        builder.Services.AddScoped<BrowserDownloads>();
        builder.Services.AddHttpClient<PlatformApiClient>(PlatformApiClient.HttpClientName, (sp, client) =>
            client.BaseAddress = sp.GetRequiredService<IPortalApiAddress>().BaseAddress);
        return builder;
    }

    /// <summary>
    /// First in the pipeline: a browser's page request that ends 404 (an unknown address) is answered by the portal's
    /// not-found page, still with 404; Api, hub and file requests keep their own answers.
    /// </summary>
    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseWhen(PortalRequests.IsPage, branch => branch
            .UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true)
            .Use((context, next) =>
            {
                context.Items[PortalStatusPages] = context.Features.Get<IStatusCodePagesFeature>();
                return next(context);
            }));
        // Routing after it (not at the pipeline's start, where WebApplication puts it otherwise), so that the re-executed
        // request is routed to the not-found page instead of reaching authorisation with no endpoint (a 401).
        app.UseRouting();
        return app;
    }

    public static WebApplication MapPlatformWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // The portal's pages are public shells: data comes from the API with the signed-in user's token.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymous();
        // Whatever else nobody serves is 404 for anyone (a file, or a page the status code pages turn into the portal's),
        // not 401: there is nothing there to protect. Unknown Api addresses keep the Api's authorisation.
        app.MapFallback("{**path}", NotFound).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// 404. For a page request, the status code pages closest to the endpoint (the Api's problem details) are turned off,
    /// so that the portal's re-execution, further out, answers with its page.
    /// </summary>
    private static IResult NotFound(HttpContext context)
    {
        if (context.Items.TryGetValue(PortalStatusPages, out var portal) && context.Features.Get<IStatusCodePagesFeature>() is { } inner && inner != portal)
        {
            inner.Enabled = false;
        }

        return Results.NotFound();
    }
}
