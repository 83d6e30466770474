using System.Text.Json;
using Platform.Application.Common.Auditing;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.ApplyDeviceReports;

/// <summary>
/// A batch of device reports (<see cref="IDeviceReportBatcher"/>), in the order they arrived, applied in one unit of
/// work: each device's actual state is kept unless a report with the same or a later sequence was taken (a repeat or a
/// late one changes nothing), and read into where the device is in each rollout under way of a model it reports (or
/// should have taken off). Three queries and one save for the whole batch. Not audited: devices report on every poll;
/// the rollouts' steps are. Returns, per report, whether it changed anything.
/// </summary>
[RequiresRole(Role.System)]
[NotAudited]
public sealed record ApplyDeviceReportsCommand(IReadOnlyList<PendingDeviceReport> Reports) : ICommand<IReadOnlyList<bool>>;

public sealed class ApplyDeviceReportsCommandHandler(IPlatformDbContext db) : ICommandHandler<ApplyDeviceReportsCommand, IReadOnlyList<bool>>
{
    public async ValueTask<IReadOnlyList<bool>> Handle(ApplyDeviceReportsCommand command, CancellationToken cancellationToken)
    {
        var ids = command.Reports.Select(r => r.DeviceId).Distinct().ToList();
        var devices = await db.Devices.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var statuses = (await db.DeviceModelStatuses.Where(s => ids.Contains(s.DeviceId)).ToListAsync(cancellationToken))
            .GroupBy(s => s.DeviceId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Model));
        var targets = (await (from t in db.RolloutTargets
                              join r in db.Rollouts on t.RolloutId equals r.Id
                              where ids.Contains(t.DeviceId) && (r.State == RolloutState.Running || r.State == RolloutState.Paused || r.State == RolloutState.RollingBack)
                              select new { Target = t, r.Model, r.Version }).ToListAsync(cancellationToken))
            .ToLookup(t => t.Target.DeviceId, t => (t.Target, t.Model, t.Version));

        var changed = command.Reports.Select(pending => devices.TryGetValue(pending.DeviceId, out var device)
            && Apply(device, pending, statuses.TryGetValue(device.Id, out var kept) ? kept : statuses[device.Id] = [], targets[device.Id])).ToList();
        if (changed.Contains(true))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private bool Apply(Device device, PendingDeviceReport pending, Dictionary<string, DeviceModelStatus> kept, IEnumerable<(RolloutTarget Target, string Model, int Version)> targets)
    {
        var (report, now) = (pending.Report, pending.ReceivedAt);
        // What the report says, without its sequence (which grows with every report): an unchanged one is not written.
        if (!device.TakeReport(report.Sequence, JsonSerializer.Serialize(report with { Sequence = 0, Inventory = null }, FleetJson.Options), now))
        {
            return false;
        }

        if (report.Inventory is { } inventory)
        {
            device.Report(FleetJson.Serialize(inventory));
        }

        KeepStatuses(device.Id, report, kept, now);
        foreach (var (target, model, version) in targets)
        {
            var reported = report.Models?.FirstOrDefault(m => m.Name == model);
            target.Observe(
                reported?.ServingVersion, reported?.Target ?? 0, (ModelStateOnDevice)(int)(reported?.State ?? ModelOnDevice.Downloading), reported?.FailureReason,
                reported?.Inferences ?? 0, reported?.Errors ?? 0, reported?.P95Milliseconds, version, now);
        }

        return true;
    }

    /// <summary>One row per model the device reports (added, changed only when it changed, removed when it no longer reports it).</summary>
    private void KeepStatuses(Guid deviceId, DeviceReport report, Dictionary<string, DeviceModelStatus> kept, DateTimeOffset now)
    {
        var reported = (report.Models ?? []).DistinctBy(m => m.Name).ToList();
        foreach (var model in reported)
        {
            if (!kept.TryGetValue(model.Name, out var status))
            {
                status = kept[model.Name] = DeviceModelStatus.Of(deviceId, model.Name);
                db.DeviceModelStatuses.Add(status);
            }

            status.Take(model.ServingVersion, model.Target, (ModelStateOnDevice)(int)model.State, model.FailureReason, model.Since, model.Inferences, model.Errors, model.P95Milliseconds, now);
        }

        foreach (var gone in kept.Values.Where(s => reported.All(m => m.Name != s.Model)).ToList())
        {
            db.DeviceModelStatuses.Remove(gone);
            kept.Remove(gone.Model);
        }
    }
}
