using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Federated.Commands.AdvanceFederation;
using Platform.Application.Federated.Queries.ListActiveFederations;
using Platform.Application.Fleet;
using Platform.Infrastructure.Fleet;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Federated;

/// <summary>Every tick, as the rollout driver's: moves each waiting or running federation on (begin, open a round, close or advance one that is due), each in its own unit of work.</summary>
public sealed class FederationDriver(IServiceScopeFactory scopes, IOptions<FleetOptions> options, ILogger<FederationDriver> logger) : TickDriver(scopes, options, logger)
{
    protected override string Actor => "platform:federation-driver";

    protected override string Kind => "Federation";

    protected override Task<IReadOnlyList<Guid>> ActiveAsync(SystemSender sender, CancellationToken cancellationToken) =>
        sender.QueryAsync(new ListActiveFederationsQuery(), Actor, cancellationToken);

    protected override Task AdvanceAsync(SystemSender sender, Guid id, CancellationToken cancellationToken) =>
        sender.SendAsync(new AdvanceFederationCommand(id), Actor, cancellationToken);
}
