namespace Platform.Application.Federated.Queries.ListFederationSites;

/// <summary>The sites admitted to a federation (and those that left), by device name (paged).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListFederationSitesQuery(Guid FederationId, int? Limit, string? Cursor) : IQuery<Page<FederationSiteDto>>;

public sealed class ListFederationSitesQueryValidator : AbstractValidator<ListFederationSitesQuery>
{
    public ListFederationSitesQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 500).WithMessage("must be between 1 and 500");
}

public sealed class ListFederationSitesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListFederationSitesQuery, Page<FederationSiteDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<FederationSiteDto>> Handle(ListFederationSitesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Federations.AnyAsync(f => f.Id == query.FederationId, cancellationToken))
        {
            throw new NotFoundException("Federation", query.FederationId);
        }

        var sites = db.FederationSites.AsNoTracking().Where(s => s.FederationId == query.FederationId);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            sites = sites.Where(s => s.DeviceId.CompareTo(after.Id) > 0);
        }

        var page = await sites.OrderBy(s => s.DeviceId)
            .Join(db.Devices.AsNoTracking(), s => s.DeviceId, d => d.Id, (s, d) => new FederationSiteDto(s.DeviceId, d.Name, s.LeftAt == null, s.AdmittedBy, s.AdmittedAt, s.LeftAt))
            .ReadPageAsync(query.Limit ?? 100, s => new Position(s.DeviceId), cancellationToken);
        return page.With(page.Rows);
    }
}
