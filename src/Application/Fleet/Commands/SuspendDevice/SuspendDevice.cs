namespace Platform.Application.Fleet.Commands.SuspendDevice;

/// <summary>Stops a device (Operator): its next call is refused (401) until it is resumed; its tokens stop working at once.</summary>
[RequiresRole(Role.Operator)]
public sealed record SuspendDeviceCommand(Guid Id) : ICommand<DeviceDto>;

public sealed class SuspendDeviceCommandHandler(IPlatformDbContext db, IDeviceAccessCache cache) : ICommandHandler<SuspendDeviceCommand, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(SuspendDeviceCommand command, CancellationToken cancellationToken)
    {
        var device = await db.LoadDeviceAsync(command.Id, cancellationToken);
        device.Suspend();
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(device.Id);
        return DeviceDto.From(device);
    }
}
