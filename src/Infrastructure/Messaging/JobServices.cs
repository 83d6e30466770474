using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Interfaces;
using Platform.Application.Jobs;
using Platform.Messaging;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Messaging.Outbox;

namespace Platform.Infrastructure.Messaging;

public static class JobServices
{
    /// <summary>The outbox, its dispatcher, the lease monitor and the progress coalescer: the Api's half of the job system.</summary>
    public static IServiceCollection AddJobServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.Configure<Platform.Application.Workspaces.WorkspaceQuotaOptions>(configuration.GetSection(Platform.Application.Workspaces.WorkspaceQuotaOptions.Section));
        services.Configure<BusOptions>(configuration.GetSection(BusOptions.Section));
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<LeaseMonitor>();
        services.AddSingleton<ProgressCoalescer>();
        services.AddHostedService(sp => sp.GetRequiredService<ProgressCoalescer>());
        return services;
    }
}
