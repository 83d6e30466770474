using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Exceptions;
using Platform.Application.Fleet;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Fleet;

/// <summary>
/// What the rollout and federation drivers share: every tick (<c>Fleet:RolloutTickMilliseconds</c>, a second by default)
/// it lists what moves on by itself and moves each on in its own unit of work, as the system. One that fails its tick
/// does not hold up the others (it is tried again next tick); one changed by a person at the same moment (a 409) is
/// simply seen in its new state next tick.
/// </summary>
public abstract class TickDriver(IServiceScopeFactory scopes, IOptions<FleetOptions> options, ILogger logger) : BackgroundService
{
    /// <summary>The actor its audit events name, e.g. <c>platform:rollout-driver</c>.</summary>
    protected abstract string Actor { get; }

    /// <summary>What it drives, for its log lines (e.g. "Rollout").</summary>
    protected abstract string Kind { get; }

    protected abstract Task<IReadOnlyList<Guid>> ActiveAsync(SystemSender sender, CancellationToken cancellationToken);

    protected abstract Task AdvanceAsync(SystemSender sender, Guid id, CancellationToken cancellationToken);

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
                    active = await ActiveAsync(scope.ServiceProvider.GetRequiredService<SystemSender>(), stoppingToken);
                }

                foreach (var id in active)
                {
                    await AdvanceOneAsync(id, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Kind} driver pass failed", Kind);
            }
        }
    }

    private async Task AdvanceOneAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await AdvanceAsync(scope.ServiceProvider.GetRequiredService<SystemSender>(), id, stoppingToken);
        }
        catch (ConflictException)
        {
            // Changed by a person at the same moment; the next tick sees the new state.
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Kind} {Id} could not move on this tick", Kind, id);
        }
    }
}
