namespace Platform.Application.Fleet.Commands.ResumeDevice;

/// <summary>Takes a suspended device back (Operator): it gets new tokens for its key again.</summary>
[RequiresRole(Role.Operator)]
public sealed record ResumeDeviceCommand(Guid Id) : ICommand<DeviceDto>;

public sealed class ResumeDeviceCommandHandler(IPlatformDbContext db, IDeviceAccessCache cache) : ICommandHandler<ResumeDeviceCommand, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(ResumeDeviceCommand command, CancellationToken cancellationToken)
    {
        var device = await db.LoadDeviceAsync(command.Id, cancellationToken);
        device.Resume();
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(device.Id);
        return DeviceDto.From(device);
    }
}
