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
        builder.Services.AddScoped<ILiveConnections, LiveConnections>();
        builder.Services.AddScoped<BrowserDownloads>();
        builder.Services.AddScoped<ThemePreference>();
        builder.Services.AddScoped<WorkspacePreference>();
        builder.Services.AddScoped<WorkspaceSelection>();
        builder.Services.AddHttpClient<PlatformApiClient>(PlatformApiClient.HttpClientName, (sp, client) =>
            client.BaseAddress = sp.GetRequiredService<IPortalApiAddress>().BaseAddress);
        return builder;
    }

    /// <summary>
    /// First in the pipeline: a browser's page request that ends 404 (an unknown address) is answered by the portal's
    /// not-found page, still with 404; an address nobody serves outside the Api is 404 for anyone (a missing file, an
    /// unknown page), not 401: there is nothing there to protect. Api, hub and file requests keep their own answers.
    /// </summary>
    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseWhen(PortalRequests.IsPage, branch => branch
            .UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true)
            .Use(async (context, next) =>
            {
                // Only a 404 shows the not-found page: another empty error (a 500 to an Accept that rules out JSON) stays as it is.
                var portal = context.Features.Get<IStatusCodePagesFeature>();
                await next(context);
                if (portal is not null && context.Response.StatusCode != StatusCodes.Status404NotFound)
                {
                    portal.Enabled = false;
                }
            }));
        // Routing after it (not at the pipeline's start, where WebApplication puts it otherwise), so that the re-executed
        // request is routed to the not-found page instead of reaching authorisation with no endpoint (a 401).
        app.UseRouting();
        app.Use((context, next) =>
        {
            // A path that matched a route with another method has a 405 endpoint: only "nothing here at all" is answered.
            if (context.GetEndpoint() is null && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    public static WebApplication MapPlatformWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // The portal's pages are public shells: data comes from the API with the signed-in user's token.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymous();
        return app;
    }
}
