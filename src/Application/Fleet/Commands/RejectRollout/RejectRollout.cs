using Platform.Domain.Fleet;
using Platform.Domain.Governance;

namespace Platform.Application.Fleet.Commands.RejectRollout;

/// <summary>
/// Rejects a rollout awaiting its approval (Approver, not the person who started it), with a comment saying why: it ends
/// as Rejected, no device having got anything, and <c>rollout.rejected</c> is raised.
/// </summary>
[RequiresRole(Role.Approver)]
public sealed record RejectRolloutCommand(Guid Id, string? Comment) : ICommand<RolloutDto>;

public sealed class RejectRolloutCommandValidator : AbstractValidator<RejectRolloutCommand>
{
    public RejectRolloutCommandValidator() =>
        RuleFor(c => c.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("A rejection needs a comment saying why.").MaximumLength(Rollout.MaxReasonLength);
}

public sealed class RejectRolloutCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(RejectRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        rollout.Reject(new Actor(user.UserId, user.Name), $"{command.Comment!.Trim()} ({user.Name})", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
