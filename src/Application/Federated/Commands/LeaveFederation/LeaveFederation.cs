using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.LeaveFederation;

/// <summary>
/// A site withdraws its consent to a federation (its device token): it is sampled for no further round, and a round it
/// is in goes on without it (its quorum permitting). Leaving twice is a 409.
/// </summary>
[RequiresRole(Role.Device)]
public sealed record LeaveFederationCommand(Guid FederationId) : ICommand<FederationSiteDto>;

public sealed class LeaveFederationCommandHandler(IPlatformDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<LeaveFederationCommand, FederationSiteDto>
{
    public async ValueTask<FederationSiteDto> Handle(LeaveFederationCommand command, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a site leaves a federation by itself.");
        var federation = await db.Federations.AsNoTracking().SingleOrDefaultAsync(f => f.Id == command.FederationId, cancellationToken)
            ?? throw new NotFoundException("Federation", command.FederationId);
        var now = clock.GetUtcNow();
        var site = await db.FederationSites.SingleOrDefaultAsync(s => s.FederationId == federation.Id && s.DeviceId == self.DeviceId, cancellationToken);
        if (site is null)
        {
            // A site admitted by its label has no row yet: leaving records its consent as withdrawn.
            site = FederationSite.Admit(federation.Id, self.DeviceId, "label", now);
            db.FederationSites.Add(site);
        }

        site.Leave(now);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Devices.AsNoTracking().Where(d => d.Id == self.DeviceId).Select(d => d.Name).SingleAsync(cancellationToken);
        return new FederationSiteDto(site.DeviceId, name, site.Consents, site.AdmittedBy, site.AdmittedAt, site.LeftAt);
    }
}
