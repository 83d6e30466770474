using Platform.Serving.ControlPlane;
using Platform.Serving.Endpoints;
using Platform.Serving.Monitoring;
using Platform.Serving.State;
using Platform.Serving.Telemetry;

namespace Platform.Serving;

/// <summary>How the serving host is put together; used by the Serving process and by the embedded Host.</summary>
public static class ServingComposition
{
    public static WebApplicationBuilder AddPlatformServing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPlatformServing(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddPlatformServing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServingOptions>(configuration.GetSection(ServingOptions.Section));
        services.AddMetrics();
        services.AddProblemDetails();
        services.AddSingleton<ServingMetrics>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ServingState>();
        services.AddSingleton<IServingState>(sp => sp.GetRequiredService<ServingState>());
        services.AddHostedService<ServingStartup>();
        services.AddSingleton<CanaryRollbacks>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<MonitoringStore>();
        services.AddSingleton<InferenceServices>();
        services.AddSingleton<CanaryRollbackReporter>();
        services.AddHostedService<CanaryWatchdog>();
        services.AddHostedService<DriftMonitor>();
        if (configuration.GetSection(ServingOptions.Section).GetSection("ControlPlane").Get<ControlPlaneOptions>() is { IsConfigured: true })
        {
            services.AddHttpClient(HttpServingControlPlane.ClientName);
            services.AddServingControlPlane<HttpServingControlPlane>();
        }

        return services;
    }

    /// <summary>
    /// Follows the desired state of <typeparamref name="TPlane"/>: the REST client for a separate serving host, or the
    /// embedded host's in-process control plane.
    /// </summary>
    public static IServiceCollection AddServingControlPlane<TPlane>(this IServiceCollection services)
        where TPlane : class, IServingControlPlane
    {
        services.AddSingleton<IServingControlPlane, TPlane>();
        services.AddSingleton<ModelCache>();
        services.AddHostedService<ControlPlaneSync>();
        return services;
    }

    /// <summary>
    /// The Open Inference Protocol surface and the JSON-records endpoint under <c>/v2</c> (the default workspace's
    /// deployments) and <c>/workspaces/{workspace}/v2</c> (any workspace's), and the admin endpoints.
    /// </summary>
    public static IEndpointRouteBuilder MapPlatformServing(this IEndpointRouteBuilder app)
    {
        // Inference is open on the data plane for now; the admin surface checks its shared key.
        var v2 = app.MapGroup("/v2").AllowAnonymous().WithTags("Serving (Open Inference Protocol)");
        v2.MapModelEndpoints();
        v2.MapInferenceEndpoints();
        v2.MapAdminEndpoints();
        var inWorkspace = app.MapGroup(EndpointRoute.InWorkspace).AllowAnonymous().WithTags("Serving (Open Inference Protocol) in a workspace");
        inWorkspace.MapModelEndpoints();
        inWorkspace.MapInferenceEndpoints();
        return app;
    }
}
