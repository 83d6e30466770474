using Microsoft.Extensions.Options;

namespace Platform.Workers.Runtime;

/// <summary>
/// On shutdown the bus stops taking jobs at once; jobs in hand get <see cref="WorkerOptions.ShutdownGraceSeconds"/> to
/// finish, then are stopped and handed back to the queue (without using up an attempt).
/// </summary>
internal sealed class ShutdownCoordinator(IHostApplicationLifetime lifetime, RunningJobs running, IOptions<WorkerOptions> options, ILogger<ShutdownCoordinator> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => _ = DrainAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DrainAsync()
    {
        if (running.Count == 0)
        {
            return;
        }

        var grace = TimeSpan.FromSeconds(options.Value.ShutdownGraceSeconds);
        logger.LogInformation("Shutting down: {Count} job(s) in hand get {Grace} s to finish", running.Count, grace.TotalSeconds);
        await running.WaitUntilIdleAsync(grace);
        if (running.Count > 0)
        {
            logger.LogWarning("Handing back {Count} unfinished job(s)", running.Count);
            running.StopAll(StopReason.Shutdown);
        }
    }
}
