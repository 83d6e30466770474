using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Platform.Web.Api;
using Platform.Web.Components;

namespace Platform.Web;

/// <summary>How the portal is put together; used by the Web process and by the embedded Host alike.</summary>
public static class WebComposition
{
    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
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

    public static WebApplication MapPlatformWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // The portal's pages are public shells: data comes from the API with the signed-in user's token.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymous();
        return app;
    }
}
