using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Infrastructure.Observability;

public static class TelemetrySetup
{
    /// <summary>Traces and metrics: ASP.NET Core, HttpClient, database commands, runtime and our own sources; OTLP by configuration.</summary>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var export = !string.IsNullOrWhiteSpace(endpoint);
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(Telemetry.Name, Telemetry.DatabaseSourceName, "MassTransit", "Platform.Workers")
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    // A download link's path is its credential: never exported.
                    o.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (request.Path.StartsWithSegments(SensitivePaths.DownloadLinks))
                        {
                            activity.SetTag("url.path", SensitivePaths.Redact(request.Path.Value));
                        }
                    };
                })
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Telemetry.Name, "Platform.Serving")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (export)
        {
            builder.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint!));
        }

        return services;
    }
}
