using System.Text.Json;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>What a rollout does to devices' desired state: gives the next devices its version, and sets touched ones back.</summary>
internal static class RolloutAssignments
{
    /// <summary>Gives up to <paramref name="due"/> more selected devices the version, in id order; returns how many it found.</summary>
    public static async Task<int> GiveAsync(IPlatformDbContext db, IDeviceAccessCache cache, Rollout rollout, int due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var targeted = db.RolloutTargets.Where(t => t.RolloutId == rollout.Id).Select(t => t.DeviceId);
        var devices = await db.Devices.Selecting(LabelSelector.Parse(rollout.Selector))
            .Where(d => (d.State == DeviceState.Active || d.State == DeviceState.Provisioned) && !targeted.Contains(d.Id))
            .OrderBy(d => d.Id).Take(due).ToListAsync(cancellationToken);
        var version = await db.ModelVersions.SingleAsync(v => v.Id == rollout.ModelVersionId, cancellationToken);
        var ids = devices.Select(d => d.Id).ToList();
        var assignments = await db.DeviceAssignments.Where(a => a.ModelId == rollout.ModelId && ids.Contains(a.DeviceId)).ToDictionaryAsync(a => a.DeviceId, cancellationToken);
        var health = JsonSerializer.Serialize(rollout.HealthCheck, FleetJson.Options);
        foreach (var device in devices)
        {
            var previous = assignments.GetValueOrDefault(device.Id)?.Version ?? ServingVersion(device, rollout.Model)?.Version;
            if (!assignments.TryGetValue(device.Id, out var assignment))
            {
                assignment = DeviceAssignment.For(device.Id, rollout.ModelId, rollout.Model);
                db.DeviceAssignments.Add(assignment);
            }

            assignment.Set(version.Number, version.Id, version.ArtifactSha256, version.SizeBytes, rollout.Id, health, now);
            device.Desire();
            cache.Forget(device.Id);
            db.RolloutTargets.Add(RolloutTarget.Assign(rollout.Id, device.Id, rollout.CurrentWave, previous, ServingVersion(device, rollout.Model)?.P95, now));
        }

        rollout.Gave(devices.Count, now);
        return devices.Count;
    }

    /// <summary>Sends up to <paramref name="max"/> touched devices not yet set back their previous version (none: the model is taken off).</summary>
    public static async Task<int> SetBackAsync(IPlatformDbContext db, IDeviceAccessCache cache, Rollout rollout, int max, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var targets = await db.RolloutTargets
            .Where(t => t.RolloutId == rollout.Id && t.Status != RolloutDeviceStatus.RollingBack && t.Status != RolloutDeviceStatus.RolledBack)
            .OrderBy(t => t.Id).Take(max).ToListAsync(cancellationToken);
        var ids = targets.Select(t => t.DeviceId).ToList();
        var devices = await db.Devices.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var assignments = await db.DeviceAssignments.Where(a => a.ModelId == rollout.ModelId && ids.Contains(a.DeviceId)).ToDictionaryAsync(a => a.DeviceId, cancellationToken);
        var numbers = targets.Select(t => t.PreviousVersion).OfType<int>().Distinct().ToList();
        var versions = await db.ModelVersions.Where(v => v.ModelId == rollout.ModelId && numbers.Contains(v.Number)).ToDictionaryAsync(v => v.Number, cancellationToken);
        foreach (var target in targets)
        {
            if (assignments.TryGetValue(target.DeviceId, out var assignment) && assignment.RolloutId == rollout.Id)
            {
                if (target.PreviousVersion is { } number && versions.TryGetValue(number, out var previous))
                {
                    assignment.Set(previous.Number, previous.Id, previous.ArtifactSha256, previous.SizeBytes, null, assignment.HealthCheckJson, now);
                }
                else
                {
                    db.DeviceAssignments.Remove(assignment);
                }

                devices[target.DeviceId].Desire();
                cache.Forget(target.DeviceId);
            }

            target.RollBack(now);
        }

        return targets.Count;
    }

    /// <summary>What the device last said it serves of <paramref name="model"/>: the version and its p95.</summary>
    private static (int Version, double? P95)? ServingVersion(Device device, string model)
    {
        if (device.ReportJson is null)
        {
            return null;
        }

        var report = JsonSerializer.Deserialize<DeviceReport>(device.ReportJson, FleetJson.Options);
        return report?.Models?.FirstOrDefault(m => m.Name == model) is { ServingVersion: { } serving } m ? (serving, m.P95Milliseconds) : null;
    }
}
