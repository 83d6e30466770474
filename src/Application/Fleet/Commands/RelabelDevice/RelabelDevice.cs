namespace Platform.Application.Fleet.Commands.RelabelDevice;

/// <summary>Replaces a device's labels (Operator): the groups (selectors) it falls in change with them.</summary>
[RequiresRole(Role.Operator)]
public sealed record RelabelDeviceCommand(Guid Id, IReadOnlyDictionary<string, string>? Labels) : ICommand<DeviceDto>;

public sealed class RelabelDeviceCommandValidator : AbstractValidator<RelabelDeviceCommand>
{
    public RelabelDeviceCommandValidator()
    {
        RuleFor(c => c.Labels).NotNull().WithMessage("must be an object of label names to values ({} for none)");
        RuleFor(c => c.Labels).ValidLabels();
    }
}

public sealed class RelabelDeviceCommandHandler(IPlatformDbContext db) : ICommandHandler<RelabelDeviceCommand, DeviceDto>
{
    public async ValueTask<DeviceDto> Handle(RelabelDeviceCommand command, CancellationToken cancellationToken)
    {
        var device = await db.LoadDeviceAsync(command.Id, cancellationToken);
        device.Relabel(command.Labels!);
        await db.SaveChangesAsync(cancellationToken);
        return DeviceDto.From(device);
    }
}
