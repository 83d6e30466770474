using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Platform.Api.Endpoints;
using Platform.Api.Errors;
using Platform.Api.Http;
using Platform.Api.Hubs;
using Platform.Api.OpenApi;
using Platform.Application;
using Platform.Messaging;
using Platform.Infrastructure;
using Platform.Infrastructure.Messaging;
using Platform.Infrastructure.Observability;
using Platform.Infrastructure.Persistence;
using Scalar.AspNetCore;

namespace Platform.Api;

/// <summary>How the API is put together; used by the Api process and by the embedded Host alike.</summary>
public static class ApiComposition
{
    public const string TokenRateLimitPolicy = "token";

    /// <summary>The API's services and the process's one bus, shared with <paramref name="busParticipants"/> (the embedded worker).</summary>
    public static WebApplicationBuilder AddPlatformApi(
        this WebApplicationBuilder builder, string serviceName = "platform-api", params IBusParticipant[] busParticipants)
    {
        var services = builder.Services;
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration);
        services.AddPlatformBus(builder.Configuration, [new ApiBusParticipant(), .. busParticipants]);
        services.AddPlatformTelemetry(builder.Configuration, serviceName);

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddPlatformOpenApi();
        services.AddPlatformSignalR(builder.Configuration);

        var perMinute = builder.Configuration.GetValue("RateLimits:TokenRequestsPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TokenRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    public static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        // Names only: a number for an enum (99) is refused like any other value that names none of its members.
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        // JSON has no literal for NaN or infinities: they travel as the strings "NaN", "Infinity" and "-Infinity".
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }

    /// <summary>Migrations (when enabled) and the first admin, before the server takes requests.</summary>
    public static Task InitializePlatformAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.InitializeDatabaseAsync(cancellationToken);

    public static WebApplication UsePlatformApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        // An answer with a status and no body gets problem details when the caller accepts JSON, and stays empty
        // otherwise (never a text page in a format nobody asked for); a portal page's 404 is left to the portal.
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseJsonCharsetCheck();
        app.UseAuthentication();
        app.UseWorkspaceRoute();
        app.UseUnknownApiAddresses();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static void MapWorkspaceResources(RouteGroupBuilder space)
    {
        space.MapExperimentEndpoints();
        space.MapRunEndpoints();
        space.MapRunDataEndpoints();
        space.MapArtifactEndpoints();
        space.MapDatasetEndpoints();
        space.MapJobEndpoints();
        space.MapModelRegistryEndpoints();
        space.MapGovernanceEndpoints();
        space.MapApprovalPolicyEndpoints();
        space.MapDownloadEndpoints();
        space.MapRunLineageEndpoints();
        space.MapSearchEndpoints();
        space.MapWebhookEndpoints();
        space.MapDeploymentEndpoints();
        space.MapFleetEndpoints();
        space.MapRolloutEndpoints();
        space.MapFederationEndpoints();
    }

    public static WebApplication MapPlatformApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapWorkspaceEndpoints();
        api.MapAccessTokenEndpoints();
        api.MapJobReportEndpoints();
        api.MapDownloadOpening();
        api.MapAuditEndpoints();
        api.MapServingControlPlaneEndpoints();
        api.MapWorkerEndpoints();
        api.MapDeviceEndpoints();
        api.MapFederatedSiteEndpoints();

        // A workspace's resources live under /workspaces/{workspace}; a path that names no workspace means the
        // caller's home one (a person's: 'default'; a job's token: its job's), as before workspaces existed.
        var inWorkspace = api.MapGroup("/workspaces/{" + WorkspaceRoute.Parameter + "}");
        MapWorkspaceResources(inWorkspace);
        inWorkspace.MapWorkspaceAuditEndpoints();
        MapWorkspaceResources(api);
        app.MapHub<JobsHub>(JobsHub.Path);
        app.MapHub<NotificationsHub>(NotificationsHub.Path);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        return app;
    }
}
