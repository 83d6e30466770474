using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Exceptions;
using Platform.Application.Fleet;
using Platform.Application.Fleet.Commands.AdvanceRollout;
using Platform.Application.Fleet.Queries.ListActiveRollouts;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Fleet;

/// <summary>Every tick (<c>Fleet:RolloutTickMilliseconds</c>, a second by default): moves each running or rolling-back rollout on, each in its own unit of work.</summary>
public sealed class RolloutDriver(IServiceScopeFactory scopes, IOptions<FleetOptions> options, ILogger<RolloutDriver> logger) : BackgroundService
{
    private const string Actor = "platform:rollout-driver";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.RolloutTickMilliseconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                IReadOnlyList<Guid> active;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    active = await scope.ServiceProvider.GetRequiredService<SystemSender>().QueryAsync(new ListActiveRolloutsQuery(), Actor, stoppingToken);
                }

                foreach (var id in active)
                {
                    await AdvanceAsync(id, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Rollout driver pass failed");
            }
        }
    }

    private async Task AdvanceAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SystemSender>().SendAsync(new AdvanceRolloutCommand(id), Actor, stoppingToken);
        }
        catch (ConflictException)
        {
            // An Operator paused or aborted it at the same moment; the next tick sees the new state.
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // One rollout that fails its tick must not hold up the others: it is tried again next tick.
            logger.LogWarning(e, "Rollout {Rollout} could not move on this tick", id);
        }
    }
}
