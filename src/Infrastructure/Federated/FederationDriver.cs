using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Exceptions;
using Platform.Application.Federated.Commands.AdvanceFederation;
using Platform.Application.Federated.Queries.ListActiveFederations;
using Platform.Application.Fleet;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Federated;

/// <summary>
/// Every tick (<c>Fleet:RolloutTickMilliseconds</c>, a second by default, as the rollout driver's): moves each waiting or
/// running federation on, each in its own unit of work (begin, open a round, close one that is due).
/// </summary>
public sealed class FederationDriver(IServiceScopeFactory scopes, IOptions<FleetOptions> options, ILogger<FederationDriver> logger) : BackgroundService
{
    private const string Actor = "platform:federation-driver";

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
                    active = await scope.ServiceProvider.GetRequiredService<SystemSender>().QueryAsync(new ListActiveFederationsQuery(), Actor, stoppingToken);
                }

                foreach (var id in active)
                {
                    await AdvanceAsync(id, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Federation driver pass failed");
            }
        }
    }

    private async Task AdvanceAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SystemSender>().SendAsync(new AdvanceFederationCommand(id), Actor, stoppingToken);
        }
        catch (ConflictException)
        {
            // Cancelled or admitted to at the same moment; the next tick sees the new state.
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // One federation that fails its tick must not hold up the others: it is tried again next tick.
            logger.LogWarning(e, "Federation {Federation} could not move on this tick", id);
        }
    }
}
