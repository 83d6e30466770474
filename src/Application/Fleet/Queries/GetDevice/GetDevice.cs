namespace Platform.Application.Fleet.Queries.GetDevice;

/// <summary>One device of the fleet: labels, state, inventory, credential (its thumbprint only), when it was last heard from.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetDeviceQuery(Guid Id) : IQuery<DeviceDto>;

public sealed class GetDeviceQueryHandler(IPlatformDbContext db) : IQueryHandler<GetDeviceQuery, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(GetDeviceQuery query, CancellationToken cancellationToken) =>
        DeviceDto.From(await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.Id, cancellationToken) ?? throw new NotFoundException("Device", query.Id));
}
