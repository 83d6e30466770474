using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Workers.Runtime;

/// <summary>Announces the worker, its capabilities and the job in hand every few seconds; says goodbye on a clean stop.</summary>
internal sealed class HeartbeatService(
    IBus bus, WorkerIdentity identity, WorkerCapabilities capabilities, WorkerQueues queues, RunningJobs running,
    IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime, ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation(
            "Worker {Id} ready: {Cores} cores, {MemoryMiB} MiB, GPU {Gpu}; taking {Kinds} on {Hardware}",
            identity.Id, capabilities.Cores, capabilities.MemoryBytes / (1024 * 1024), capabilities.GpuName ?? "none",
            string.Join(',', queues.Kinds), string.Join(',', queues.HardwareClasses));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds));
        do
        {
            try
            {
                await bus.Publish(new WorkerHeartbeat(
                    identity.Id, capabilities.Name, capabilities.Cores, capabilities.MemoryBytes, capabilities.GpuName,
                    capabilities.GpuMemoryBytes, capabilities.CudaVersion, queues.Kinds, queues.HardwareClasses, running.Any, DateTimeOffset.UtcNow),
                    stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Heartbeat not sent: {Error}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Said when stopping begins, while the bus still runs (hosted services stop in reverse order, the bus maybe first).
        lifetime.ApplicationStopping.Register(AnnounceStop);
        return base.StartAsync(cancellationToken);
    }

    private void AnnounceStop()
    {
        try
        {
            bus.Publish(new WorkerStopped(identity.Id, DateTimeOffset.UtcNow)).Wait(TimeSpan.FromSeconds(2));
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not announce the stop: {Error}", e.Message);
        }
    }
}
