using Platform.Domain.Fleet;
using Platform.Domain.Governance;

namespace Platform.Application.Fleet.Commands.ApproveRollout;

/// <summary>
/// Approves a rollout awaiting its approval (Approver, not the person who started it: 409 <c>rollout.self-approval</c>):
/// it starts now over the devices its selector picks now (409 <c>rollout.no-devices</c> when none), and <c>rollout.started</c> is raised.
/// </summary>
[RequiresRole(Role.Approver)]
public sealed record ApproveRolloutCommand(Guid Id, string? Comment) : ICommand<RolloutDto>;

public sealed class ApproveRolloutCommandValidator : AbstractValidator<ApproveRolloutCommand>
{
    public ApproveRolloutCommandValidator() => RuleFor(c => c.Comment).MaximumLength(Rollout.MaxCommentLength);
}

public sealed class ApproveRolloutCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(ApproveRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        var devices = rollout.State == RolloutState.AwaitingApproval ? await db.CountSelectedAsync(LabelSelector.Parse(rollout.Selector), cancellationToken) : 0;
        rollout.Approve(new Actor(user.UserId, user.Name), command.Comment, devices, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
