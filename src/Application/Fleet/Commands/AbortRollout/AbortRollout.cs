using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.AbortRollout;

/// <summary>Aborts a rollout (Operator): nobody else gets the version; devices that have it keep it (roll back to undo).</summary>
[RequiresRole(Role.Operator)]
public sealed record AbortRolloutCommand(Guid Id, string? Reason) : ICommand<RolloutDto>;

public sealed class AbortRolloutCommandValidator : AbstractValidator<AbortRolloutCommand>
{
    public AbortRolloutCommandValidator() => RuleFor(c => c.Reason).MaximumLength(Rollout.MaxReasonLength);
}

public sealed class AbortRolloutCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AbortRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(AbortRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? $"by {user.Name}" : $"{command.Reason.Trim()} ({user.Name})";
        rollout.Abort(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
