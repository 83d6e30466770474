using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Workers.Runtime;

/// <summary>Announces the worker, its capabilities and the job in hand every few seconds; says goodbye on a clean stop.</summary>
internal sealed class HeartbeatService(
    IBus bus, WorkerIdentity identity, WorkerCapabilities capabilities, WorkerQueues queues, RunningJobs running,
    IOptions<WorkerOptions> options, ILogger<HeartbeatService> logger) : BackgroundService
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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await bus.Publish(new WorkerStopped(identity.Id, DateTimeOffset.UtcNow), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or MassTransitException)
        {
            logger.LogWarning("Could not announce the stop: {Error}", e.Message);
        }
    }
}
