using Platform.Web.Components;

namespace Platform.Web;

/// <summary>How the portal is put together; used by the Web process and by the embedded Host alike.</summary>
public static class WebComposition
{
    public static WebApplicationBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
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
