using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.CancelFederation;

/// <summary>A DataScientist cancels a federation that has not ended: its open round is dropped, nothing more is aggregated, its run ends Killed.</summary>
[RequiresRole(Permissions.Track)]
public sealed record CancelFederationCommand(Guid Id) : ICommand<FederationDto>;

public sealed class CancelFederationCommandHandler(IPlatformDbContext db, ICurrentUser user, IFederatedAggregator maths, IArtifactStore store, TimeProvider clock)
    : ICommandHandler<CancelFederationCommand, FederationDto>
{
    public async ValueTask<FederationDto> Handle(CancelFederationCommand command, CancellationToken cancellationToken)
    {
        var federation = await db.LoadFederationAsync(command.Id, cancellationToken);
        var now = clock.GetUtcNow();
        if (federation.CurrentRoundId is { } roundId)
        {
            var round = await db.FederationRounds.SingleAsync(r => r.Id == roundId, cancellationToken);
            round.Fail($"The federation was cancelled by {user.Name}", 0, 0, now);
            (await db.FederationSubmissions.Where(s => s.RoundId == roundId).ToListAsync(cancellationToken)).ForEach(s => s.Discard());
        }

        federation.Cancel(user.Name, now);
        await FederationCompletion.FinishAsync(db, maths, store, federation, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return FederationDto.From(federation);
    }
}
