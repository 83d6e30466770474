using Platform.Domain.Common;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Queries.GetFleetSummary;

/// <summary>The fleet in counts (optionally the devices a selector picks): by state, by version served, and by one label's value.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetFleetSummaryQuery(string? Selector, string? GroupBy) : IQuery<FleetSummaryDto>;

public sealed class GetFleetSummaryQueryValidator : AbstractValidator<GetFleetSummaryQuery>
{
    public GetFleetSummaryQueryValidator()
    {
        RuleFor(q => q.Selector).MaximumLength(1000).Custom((selector, context) =>
        {
            try
            {
                LabelSelector.Parse(selector);
            }
            catch (DomainException e)
            {
                context.AddFailure("selector", e.Message);
            }
        });
        RuleFor(q => q.GroupBy).Must(key => key is null || DeviceLabels.Problems(new Dictionary<string, string> { [key] = "" }).Count == 0)
            .WithMessage("must be a label's name: lower-case letters, digits, '.', '_' or '-'");
    }
}

public sealed class GetFleetSummaryQueryHandler(IPlatformDbContext db) : IQueryHandler<GetFleetSummaryQuery, FleetSummaryDto>
{
    public async ValueTask<FleetSummaryDto> Handle(GetFleetSummaryQuery query, CancellationToken cancellationToken)
    {
        var devices = db.Devices.AsNoTracking().Selecting(LabelSelector.Parse(query.Selector));
        var byState = await devices.GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var ids = devices.Select(d => d.Id);
        var byVersion = await db.DeviceModelStatuses.AsNoTracking().Where(s => ids.Contains(s.DeviceId))
            .GroupBy(s => new { s.Model, s.ServingVersion, s.State }).Select(g => new VersionCountDto(g.Key.Model, g.Key.ServingVersion, g.Key.State, g.Count()))
            .ToListAsync(cancellationToken);
        var key = query.GroupBy ?? "region";
        var failing = db.DeviceModelStatuses.Where(s => s.State == ModelStateOnDevice.Failed).Select(s => s.DeviceId);
        var byGroup = await devices.SelectMany(d => d.LabelRows, (d, l) => new { l.Key, l.Value, d.State, d.Id })
            .Where(x => x.Key == key)
            .Select(x => new { x.Value, x.State, Failing = failing.Contains(x.Id) })
            .GroupBy(x => x.Value)
            .Select(g => new GroupCountDto(g.Key, g.Count(), g.Count(x => x.State == DeviceState.Active), g.Count(x => x.Failing)))
            .ToListAsync(cancellationToken);
        return new FleetSummaryDto(
            byState.Values.Sum(), byState, [.. byVersion.OrderBy(v => v.Model).ThenByDescending(v => v.Version)], key, [.. byGroup.OrderBy(g => g.Value, StringComparer.Ordinal)]);
    }
}
