using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.RollBackRollout;

/// <summary>Rolls a rollout back by hand (Operator): every device it touched is sent its previous version.</summary>
[RequiresRole(Role.Operator)]
public sealed record RollBackRolloutCommand(Guid Id, string? Reason) : ICommand<RolloutDto>;

public sealed class RollBackRolloutCommandValidator : AbstractValidator<RollBackRolloutCommand>
{
    public RollBackRolloutCommandValidator() => RuleFor(c => c.Reason).MaximumLength(Rollout.MaxReasonLength);
}

public sealed class RollBackRolloutCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RollBackRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(RollBackRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? $"by {user.Name}" : $"{command.Reason.Trim()} ({user.Name})";
        rollout.RollBack(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
