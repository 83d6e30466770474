using Platform.Domain.Governance;

namespace Platform.Application.Governance.Commands.WithdrawPromotion;

/// <summary>Withdraws a pending request; only its author may.</summary>
[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record WithdrawPromotionCommand(Guid RequestId) : ICommand<PromotionRequestDto>;

public sealed class WithdrawPromotionCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<WithdrawPromotionCommand, PromotionRequestDto>
{
    public async ValueTask<PromotionRequestDto> Handle(WithdrawPromotionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var context = await PromotionContext.LoadAsync(db, command.RequestId, cancellationToken);
        var actor = new Actor(user.UserId, user.Name);
        if (!context.Request.IsAuthor(actor))
        {
            throw new ForbiddenAccessException($"Only {context.Request.RequestedBy}, who made this request, may withdraw it.");
        }

        context.Request.Withdraw(actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return context.Dto(now);
    }
}
