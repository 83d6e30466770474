namespace Platform.Application.Fleet.Queries.GetDevice;

/// <summary>
/// One device of the fleet: labels, state, inventory, credential (its thumbprint only), when it was last heard from,
/// what it reports per model, what it should run, and the rollouts that reached it (the newest 50).
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record GetDeviceQuery(Guid Id) : IQuery<DeviceDto>;

public sealed class GetDeviceQueryHandler(IPlatformDbContext db) : IQueryHandler<GetDeviceQuery, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(GetDeviceQuery query, CancellationToken cancellationToken)
    {
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.Id, cancellationToken) ?? throw new NotFoundException("Device", query.Id);
        var models = await db.DeviceModelStatuses.AsNoTracking().Where(s => s.DeviceId == device.Id).OrderBy(s => s.Model).ToListAsync(cancellationToken);
        var desired = await db.DeviceAssignments.AsNoTracking().Where(a => a.DeviceId == device.Id).OrderBy(a => a.Model)
            .Select(a => new DesiredModelDto(a.Model, a.Version, a.RolloutId, a.AssignedAt)).ToListAsync(cancellationToken);
        var history = await (from t in db.RolloutTargets.AsNoTracking()
                             join r in db.Rollouts on t.RolloutId equals r.Id
                             where t.DeviceId == device.Id
                             orderby t.Id descending
                             select new DeviceRolloutDto(r.Id, r.Model, r.Version, t.Wave + 1, t.Status, t.PreviousVersion, t.FailureReason, t.AssignedAt, t.UpdatedAt))
            .Take(50).ToListAsync(cancellationToken);
        return DeviceDto.From(device) with { Models = [.. models.Select(DeviceModelDto.From)], Desired = desired, History = history };
    }
}
