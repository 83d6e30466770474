using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.ResumeRollout;

/// <summary>Resumes a paused rollout (Operator): its wave's gate is judged afresh from now.</summary>
[RequiresRole(Role.Operator)]
public sealed record ResumeRolloutCommand(Guid Id, string? Reason) : ICommand<RolloutDto>;

public sealed class ResumeRolloutCommandValidator : AbstractValidator<ResumeRolloutCommand>
{
    public ResumeRolloutCommandValidator() => RuleFor(c => c.Reason).MaximumLength(Rollout.MaxReasonLength);
}

public sealed class ResumeRolloutCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<ResumeRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(ResumeRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        rollout.Resume(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
