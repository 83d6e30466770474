using Platform.Domain.Common;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Queries.ListDevices;

/// <summary>
/// The fleet's devices by name (paged), optionally those a label selector picks, of one state, and serving one model
/// (at one version, when given).
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record ListDevicesQuery(string? Selector, DeviceState? State, int? Limit, string? Cursor, string? Model = null, int? Version = null) : IQuery<Page<DeviceDto>>;

public sealed class ListDevicesQueryValidator : AbstractValidator<ListDevicesQuery>
{
    public ListDevicesQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Version).GreaterThanOrEqualTo(1);
        RuleFor(q => q.Version).Null().When(q => string.IsNullOrEmpty(q.Model)).WithMessage("needs model: a version is of one model");
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
    }
}

public sealed class ListDevicesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListDevicesQuery, Page<DeviceDto>>
{
    private sealed record Position(string Name);

    public async ValueTask<Page<DeviceDto>> Handle(ListDevicesQuery query, CancellationToken cancellationToken)
    {
        var devices = db.Devices.AsNoTracking().Selecting(LabelSelector.Parse(query.Selector));
        if (query.State is { } state)
        {
            devices = devices.Where(d => d.State == state);
        }

        if (query.Model is { Length: > 0 } model)
        {
            var version = query.Version;
            devices = devices.Where(d => db.DeviceModelStatuses.Any(s => s.DeviceId == d.Id && s.Model == model && (version == null || s.ServingVersion == version)));
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            devices = devices.Where(d => string.Compare(d.Name, after.Name) > 0);
        }

        var page = await devices.OrderBy(d => d.Name).ReadPageAsync(PageLimits.Resolve(query.Limit), d => new Position(d.Name), cancellationToken);
        return page.Select(DeviceDto.From);
    }
}
