namespace Platform.Workers;

/// <summary>How a worker is put together; used by the Workers process and in-process by the embedded Host.</summary>
public static class WorkerComposition
{
    public static IServiceCollection AddPlatformWorkers(this IServiceCollection services)
    {
        services.AddSingleton(WorkerCapabilities.Detect());
        services.AddHostedService<WorkerAnnouncer>();
        return services;
    }
}
