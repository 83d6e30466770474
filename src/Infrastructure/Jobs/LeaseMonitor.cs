using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Exceptions;
using Platform.Application.Jobs.Commands.ExpireLeases;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Jobs;

/// <summary>Every second: re-queues jobs whose worker stopped renewing its lease, and times out overdue jobs.</summary>
public sealed class LeaseMonitor(IServiceScopeFactory scopes, ILogger<LeaseMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<SystemSender>()
                    .SendAsync(new ExpireLeasesCommand(), "platform:lease-monitor", stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("Lease monitor changed {Count} job(s)", changed);
                }
            }
            catch (ConflictException)
            {
                // A worker reported at the same moment; the next tick sees the new state.
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Lease monitor pass failed");
            }
        }
    }
}
