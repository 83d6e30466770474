using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

public static class DeviceLookup
{
    /// <summary>The device <paramref name="id"/> of the current workspace, tracked; 404 when there is none.</summary>
    public static async Task<Device> LoadDeviceAsync(this IPlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Devices.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Device", id);

    /// <summary>The devices a selector picks: each requirement is a query on the label rows, so the database's indexes answer it.</summary>
    public static IQueryable<Device> Selecting(this IQueryable<Device> devices, LabelSelector selector)
    {
        foreach (var r in selector.Requirements)
        {
            var (key, values) = (r.Key, r.Values.ToList());
            devices = r.Operator switch
            {
                SelectorOperator.In => devices.Where(d => d.LabelRows.Any(l => l.Key == key && values.Contains(l.Value))),
                SelectorOperator.NotIn => devices.Where(d => !d.LabelRows.Any(l => l.Key == key && values.Contains(l.Value))),
                SelectorOperator.Present => devices.Where(d => d.LabelRows.Any(l => l.Key == key)),
                _ => devices.Where(d => !d.LabelRows.Any(l => l.Key == key)),
            };
        }

        return devices;
    }
}
