using Microsoft.Extensions.Options;
using Platform.Edge.Agent;
using Platform.Edge.Identity;
using Platform.Edge.Models;
using Platform.Edge.Polling;
using Platform.Edge.Reporting;
using Platform.Edge.Storage;
using Platform.Serving;
using Platform.Serving.ControlPlane;

namespace Platform.Edge;

/// <summary>How the edge agent is put together: Serving for the local Open Inference Protocol surface, with the agent as its only control plane.</summary>
public static class EdgeComposition
{
    public static WebApplicationBuilder AddEdgeAgent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (configuration.GetSection(ServingOptions.Section).GetSection("ControlPlane").Get<ControlPlaneOptions>() is { IsConfigured: true })
        {
            throw new InvalidOperationException("Serving:ControlPlane must not be set on the edge agent: the agent is the control plane of its serving.");
        }

        var services = builder.Services;
        services.AddPlatformServing(configuration);
        services.Configure<EdgeOptions>(configuration.GetSection(EdgeOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PollSchedule(new Random()));
        services.AddSingleton(sp => new StatePaths(sp.GetRequiredService<IOptions<EdgeOptions>>().Value.StateDirectory));
        services.AddSingleton(sp => PlatformConnection.Create(PlatformAddress(sp.GetRequiredService<IOptions<EdgeOptions>>().Value)));
        services.AddSingleton<AgentStateStore>();
        services.AddSingleton<DeviceKeyStore>();
        services.AddSingleton<Enroller>();
        services.AddSingleton<DeviceTokenSource>();
        services.AddSingleton<DeviceHttp>();
        services.AddSingleton<DesiredStatePoller>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ResumableDownloader>();
        services.AddSingleton<LocalServing>();
        services.AddSingleton<ModelSwitcher>();
        services.AddSingleton<DesiredStateApplier>();
        services.AddSingleton<Reporter>();
        services.AddHostedService<EdgeAgent>();
        services.AddHostedService<Federated.FederatedParticipation>();
        return builder;
    }

    /// <summary>The platform's base address; a placeholder that never answers when none is set (the agent then only serves what it has).</summary>
    private static Uri PlatformAddress(EdgeOptions options) =>
        Uri.TryCreate(options.Platform, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : string.IsNullOrWhiteSpace(options.Platform)
                ? new Uri("http://platform.invalid/")
                : throw new InvalidOperationException($"Edge:Platform '{options.Platform}' is not an http(s) URL.");
}
