namespace Platform.Application.Fleet.Commands.RevokeDeviceCredential;

/// <summary>Withdraws a device's key (Operator): every call refused until it enrols again with a new enrolment token.</summary>
[RequiresRole(Role.Operator)]
public sealed record RevokeDeviceCredentialCommand(Guid Id) : ICommand<DeviceDto>;

public sealed class RevokeDeviceCredentialCommandHandler(IPlatformDbContext db, IDeviceAccessCache cache) : ICommandHandler<RevokeDeviceCredentialCommand, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(RevokeDeviceCredentialCommand command, CancellationToken cancellationToken)
    {
        var device = await db.LoadDeviceAsync(command.Id, cancellationToken);
        device.RevokeCredential();
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(device.Id);
        return DeviceDto.From(device);
    }
}
