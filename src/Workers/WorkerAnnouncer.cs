namespace Platform.Workers;

/// <summary>Says at start-up what the worker found; the job consumers arrive with the jobs issue.</summary>
internal sealed class WorkerAnnouncer(WorkerCapabilities capabilities, ILogger<WorkerAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Worker {Name} ready: {Cores} cores, {MemoryMiB} MiB", capabilities.Name, capabilities.Cores, capabilities.MemoryBytes / (1024 * 1024));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
