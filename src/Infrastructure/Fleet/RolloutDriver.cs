using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Fleet;
using Platform.Application.Fleet.Commands.AdvanceRollout;
using Platform.Application.Fleet.Queries.ListActiveRollouts;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Fleet;

/// <summary>Every tick: moves each running or rolling-back rollout on, each in its own unit of work.</summary>
public sealed class RolloutDriver(IServiceScopeFactory scopes, IOptions<FleetOptions> options, ILogger<RolloutDriver> logger) : TickDriver(scopes, options, logger)
{
    protected override string Actor => "platform:rollout-driver";

    protected override string Kind => "Rollout";

    protected override Task<IReadOnlyList<Guid>> ActiveAsync(SystemSender sender, CancellationToken cancellationToken) =>
        sender.QueryAsync(new ListActiveRolloutsQuery(), Actor, cancellationToken);

    protected override Task AdvanceAsync(SystemSender sender, Guid id, CancellationToken cancellationToken) =>
        sender.SendAsync(new AdvanceRolloutCommand(id), Actor, cancellationToken);
}
