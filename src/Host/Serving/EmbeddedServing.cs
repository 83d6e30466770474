using Platform.Infrastructure;
using Platform.Serving;

namespace Platform.Host.Serving;

/// <summary>
/// Serving in the embedded host: the Open Inference Protocol surface under <c>/v2</c> on the host's own port, following
/// the deployments made through its Api in process (no token, no second server), with model files cached under the
/// data folder. <c>Serving:Enabled=false</c> leaves it out.
/// </summary>
internal static class EmbeddedServing
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Serving:Enabled", defaultValue: true);

    public static void AddEmbeddedServing(this WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["Serving:ModelCache"]))
        {
            var platform = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
            builder.Configuration["Serving:ModelCache"] = platform.Resolve("serving-models");
        }

        builder.Services.AddPlatformServing(builder.Configuration);
        builder.Services.AddServingControlPlane<InProcessServingControlPlane>();
    }

    public static void MapEmbeddedServing(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.MapPlatformServing();
        }
    }
}
