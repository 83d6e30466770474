using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.Artifacts;
using Platform.Infrastructure.Bootstrap;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Messaging;
using Platform.Infrastructure.Messaging.Outbox;
using Platform.Infrastructure.Notifications;
using Platform.Infrastructure.Observability;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Persistence.Metrics;

namespace Platform.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database, artefact store, identity and bootstrap, each chosen by configuration with the embedded default.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<ArtifactOptions>(configuration.GetSection(ArtifactOptions.Section));
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<GroupWorkspaceRoles>();
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));

        services.AddPersistence(configuration);
        services.AddJobServices(configuration);
        services.AddArtifactStore();
        services.AddSingleton<IDatasetInspector, Datasets.DatasetInspector>();
        services.AddSingleton<Datasets.DatasetProfilingQueue>();
        services.AddSingleton<IDatasetProfilingQueue>(sp => sp.GetRequiredService<Datasets.DatasetProfilingQueue>());
        services.AddHostedService<Datasets.DatasetProfilingService>();
        services.AddSingleton<IHyperparameterRules, Datasets.HyperparameterRules>();
        services.AddSingleton<IModelInspector, Registry.OnnxModelInspector>();
        services.AddSingleton<IDatasetParts, Datasets.DatasetParts>();

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentPrincipal>();
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ScopedCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ScopedCurrentUser>());
        services.AddScoped<IDownloadCaller>(sp => sp.GetRequiredService<ScopedCurrentUser>());
        services.AddSingleton<IDownloadLinkSigner, DownloadLinkSigner>();
        services.AddScoped<SystemSender>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<IBearerTokenIssuer, JwtBearerTokenIssuer>();
        services.AddSingleton<JobTokens>();
        services.AddSingleton<IJobTokenIssuer>(sp => sp.GetRequiredService<JobTokens>());
        services.AddSingleton<Fleet.DeviceTokens>();
        services.AddSingleton<IDeviceTokenIssuer>(sp => sp.GetRequiredService<Fleet.DeviceTokens>());
        services.AddSingleton<Fleet.DeviceAccessCache>();
        services.AddSingleton<IDeviceAccessCache>(sp => sp.GetRequiredService<Fleet.DeviceAccessCache>());
        services.AddSingleton<IAssertionReplayGuard, Fleet.AssertionReplayGuard>();
        services.AddSingleton<IManifestSigner, Fleet.ManifestSigningKey>();
        services.Configure<Application.Fleet.FleetOptions>(configuration.GetSection(Application.Fleet.FleetOptions.Section));
        services.AddHostedService<Fleet.RolloutDriver>();
        services.AddSingleton<IFederatedAggregator, Federated.FederatedAggregator>();
        services.AddSingleton<ISecureAggregation, Federated.SecureAggregator>();
        services.AddHostedService<Federated.FederationDriver>();
        services.AddSingleton<Fleet.DeviceReportBatcher>();
        services.AddSingleton<IDeviceReportBatcher>(sp => sp.GetRequiredService<Fleet.DeviceReportBatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<Fleet.DeviceReportBatcher>());
        services.AddScoped<FirstAdminBootstrapper>();
        services.AddPlatformAuthentication(configuration);
        services.AddNotifications(configuration);
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var platform = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            var connectionString = database.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
            services.AddDbContext<SqlServerPlatformDbContext>((sp, o) => o
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PlatformModelCacheKeyFactory>()
                .AddInterceptors(
                    new CommandActivityInterceptor("mssql"), new DomainEventsInterceptor(sp), Stamp(sp),
                    new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>()), Auditing(sp)));
            services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<SqlServerPlatformDbContext>());
            services.AddScoped<IMetricWriter, EfMetricWriter>();
        }
        else
        {
            var connectionString = database.ConnectionString ?? $"Data Source={platform.Resolve("platform.db")}";
            services.AddDbContext<SqlitePlatformDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PlatformModelCacheKeyFactory>()
                .AddInterceptors(
                    new SqlitePragmaInterceptor(), new CommandActivityInterceptor("sqlite"), new DomainEventsInterceptor(sp), Stamp(sp),
                    new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>()), Auditing(sp)));
            services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<SqlitePlatformDbContext>());
            services.AddScoped<IMetricWriter, SqliteMetricWriter>();
        }

        services.AddScoped<IPlatformDbContext>(sp => sp.GetRequiredService<PlatformDbContext>());
        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database", tags: ["ready"]);
    }

    private static WorkspaceStampInterceptor Stamp(IServiceProvider scope) => new(scope.GetService<IWorkspaceScope>());

    private static Auditing.AuditInterceptor Auditing(IServiceProvider scope) => new(
        scope.GetRequiredService<Application.Common.Auditing.AuditScope>(), scope.GetService<IWorkspaceScope>(), scope.GetRequiredService<ICurrentUser>(),
        scope.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(), scope.GetRequiredService<TimeProvider>());

    private static void AddArtifactStore(this IServiceCollection services)
    {
        services.AddSingleton<IArtifactStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ArtifactOptions>>().Value;
            var root = options.RootPath ?? sp.GetRequiredService<IOptions<PlatformOptions>>().Value.Resolve("artifacts");
            return options.Store switch
            {
                ArtifactStoreKind.FileSystem => new FileSystemArtifactStore(Path.GetFullPath(root)),
                _ => throw new InvalidOperationException($"Artifacts:Store '{options.Store}' is not supported."),
            };
        });
        services.AddSingleton<IArtifactLimits>(sp => new ArtifactLimits(sp.GetRequiredService<IOptions<ArtifactOptions>>().Value.MaxBytes));
        services.AddHostedService<OrphanBlobSweeper>();
        services.AddSingleton<Auditing.AuditChainSealer>();
        services.AddHostedService(sp => sp.GetRequiredService<Auditing.AuditChainSealer>());
    }

    private sealed record ArtifactLimits(long MaxBytes) : IArtifactLimits;
}
