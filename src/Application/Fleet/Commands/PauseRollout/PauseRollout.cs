using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.PauseRollout;

/// <summary>Pauses a running rollout by hand (Operator): nobody else gets the version until it is resumed.</summary>
[RequiresRole(Role.Operator)]
public sealed record PauseRolloutCommand(Guid Id, string? Reason) : ICommand<RolloutDto>;

public sealed class PauseRolloutCommandValidator : AbstractValidator<PauseRolloutCommand>
{
    public PauseRolloutCommandValidator() => RuleFor(c => c.Reason).MaximumLength(Rollout.MaxReasonLength);
}

public sealed class PauseRolloutCommandHandler(IPlatformDbContext db, ICurrentUser user) : ICommandHandler<PauseRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(PauseRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? $"by {user.Name}" : $"{command.Reason.Trim()} ({user.Name})";
        rollout.Pause(reason);
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
