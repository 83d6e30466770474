using Platform.Contracts.Fleet;

namespace Platform.Application.Fleet.Queries.GetOwnDevice;

/// <summary>A device asking who it is (with its token): its id, workspace, labels, state and the platform's manifest keys.</summary>
[RequiresRole(Role.Device)]
public sealed record GetOwnDeviceQuery : IQuery<EnrolledDevice>;

public sealed class GetOwnDeviceQueryHandler(IPlatformDbContext db, ICurrentUser caller, IManifestSigner manifests) : IQueryHandler<GetOwnDeviceQuery, EnrolledDevice>
{
    public async ValueTask<EnrolledDevice> Handle(GetOwnDeviceQuery query, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a device asks who it is.");
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == self.DeviceId, cancellationToken) ?? throw new NotFoundException("Device", self.DeviceId);
        return new EnrolledDevice(
            device.Id, self.WorkspaceName, device.Name, device.Labels, device.State.ToString(), device.CredentialVersion, FleetApi.Token(device.Id), manifests.PublicKeys);
    }
}
