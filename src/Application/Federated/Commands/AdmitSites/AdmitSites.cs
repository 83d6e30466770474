using Platform.Domain.Federated;
using Platform.Domain.Fleet;

namespace Platform.Application.Federated.Commands.AdmitSites;

/// <summary>
/// An Operator admits sites to a federation (their consent), by device id, up to 1,000 at once; a site that left is
/// admitted again, one already admitted stays as it is. Every device must be of this workspace's fleet (404 names the first that is not).
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record AdmitSitesCommand(Guid FederationId, IReadOnlyList<Guid>? DeviceIds) : ICommand<AdmittedSites>;

public sealed record AdmittedSites(int Admitted, int AlreadyAdmitted);

public sealed class AdmitSitesCommandValidator : AbstractValidator<AdmitSitesCommand>
{
    public AdmitSitesCommandValidator() =>
        RuleFor(c => c.DeviceIds).NotNull().Must(ids => ids is { Count: > 0 and <= 1000 } && ids.Distinct().Count() == ids.Count)
            .WithMessage("must list 1 to 1,000 distinct device ids").OverridePropertyName("deviceIds");
}

public sealed class AdmitSitesCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AdmitSitesCommand, AdmittedSites>
{
    public async ValueTask<AdmittedSites> Handle(AdmitSitesCommand command, CancellationToken cancellationToken)
    {
        var federation = await db.LoadFederationAsync(command.FederationId, cancellationToken);
        if (!federation.IsActive)
        {
            throw new ConflictException("federation.ended", $"Federation '{federation.Name}' ended as {federation.State}; it admits no more sites.");
        }

        var ids = command.DeviceIds!;
        var known = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id) && d.State != DeviceState.Decommissioned).Select(d => d.Id).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => !known.Contains(id)) is var missing && missing != Guid.Empty)
        {
            throw new NotFoundException("Device", missing);
        }

        var existing = await db.FederationSites.Where(s => s.FederationId == federation.Id && ids.Contains(s.DeviceId)).ToDictionaryAsync(s => s.DeviceId, cancellationToken);
        var (now, admitted) = (clock.GetUtcNow(), 0);
        foreach (var id in ids)
        {
            if (!existing.TryGetValue(id, out var site))
            {
                db.FederationSites.Add(FederationSite.Admit(federation.Id, id, user.Name, now));
                admitted++;
            }
            else if (!site.Consents)
            {
                site.Readmit(user.Name, now);
                admitted++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AdmittedSites(admitted, ids.Count - admitted);
    }
}
