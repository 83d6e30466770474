using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Queries.GetDesiredState;

/// <summary>
/// What the calling device should run, each model with a manifest the platform signed; null when its revision is the
/// one the device holds (<paramref name="IfNoneMatch"/>): that answer reads one column of one row and writes nothing.
/// </summary>
[RequiresRole(Role.Device)]
public sealed record GetDesiredStateQuery(string? IfNoneMatch) : IQuery<DeviceDesiredState?>
{
    public static string ETag(string revision) => $"\"{revision}\"";
}

public sealed class GetDesiredStateQueryHandler(IPlatformDbContext db, ICurrentUser caller, IManifestSigner signer, IOptions<FleetOptions> options)
    : IQueryHandler<GetDesiredStateQuery, DeviceDesiredState?>
{
    public async ValueTask<DeviceDesiredState?> Handle(GetDesiredStateQuery query, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a device asks for its desired state.");
        var desired = await db.Devices.AsNoTracking().Where(d => d.Id == self.DeviceId).Select(d => (int?)d.DesiredRevision).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Device", self.DeviceId);
        var keys = signer.PublicKeys;
        var revision = $"{desired}.{keys[0].Kid}";
        if (query.IfNoneMatch == GetDesiredStateQuery.ETag(revision))
        {
            return null;
        }

        var assignments = await db.DeviceAssignments.AsNoTracking().Where(a => a.DeviceId == self.DeviceId).OrderBy(a => a.Model).ToListAsync(cancellationToken);
        var models = assignments.Select(a => new DesiredModel(
            a.Model, a.Version,
            signer.Sign(new ModelManifest(a.Model, a.Version, a.Sha256, a.SizeBytes, FleetApi.ModelFile(a.Model, a.Version), self.DeviceId, self.WorkspaceName, a.RolloutId, a.AssignedAt)),
            Health(a.HealthCheckJson)));
        var o = options.Value;
        return new DeviceDesiredState(revision, [.. models], new DevicePolling(o.PollIntervalSeconds, o.PollJitter, o.MaxBackoffSeconds), keys);
    }

    private static LocalHealthCheck Health(string json)
    {
        var limits = JsonSerializer.Deserialize<LocalHealthLimits>(json, FleetJson.Options) ?? new LocalHealthLimits();
        return new LocalHealthCheck(limits.WindowSeconds, limits.MinInferences, limits.MaxErrorRate, limits.MaxP95Milliseconds);
    }
}
