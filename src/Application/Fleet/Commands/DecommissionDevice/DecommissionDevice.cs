namespace Platform.Application.Fleet.Commands.DecommissionDevice;

/// <summary>Retires a device for good (Operator): its key is dropped and every call refused; its record and audit trail stay.</summary>
[RequiresRole(Role.Operator)]
public sealed record DecommissionDeviceCommand(Guid Id) : ICommand<DeviceDto>;

public sealed class DecommissionDeviceCommandHandler(IPlatformDbContext db, IDeviceAccessCache cache) : ICommandHandler<DecommissionDeviceCommand, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(DecommissionDeviceCommand command, CancellationToken cancellationToken)
    {
        var device = await db.LoadDeviceAsync(command.Id, cancellationToken);
        device.Decommission();
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(device.Id);
        return DeviceDto.From(device);
    }
}
