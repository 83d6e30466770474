using Platform.Domain.Governance;

namespace Platform.Application.Governance.Commands.RejectPromotion;

/// <summary>Rejects a pending request; a comment saying why is required.</summary>
[RequiresRole(Permissions.AnySignedIn)]
public sealed record RejectPromotionCommand(Guid RequestId, string Comment) : ICommand<PromotionRequestDto>;

public sealed class RejectPromotionCommandValidator : AbstractValidator<RejectPromotionCommand>
{
    public RejectPromotionCommandValidator() =>
        RuleFor(c => c.Comment).NotEmpty().WithMessage("is required to reject: say why").MaximumLength(PromotionRequest.MaxTextLength);
}

public sealed class RejectPromotionCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RejectPromotionCommand, PromotionRequestDto>
{
    public async ValueTask<PromotionRequestDto> Handle(RejectPromotionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var context = await PromotionContext.LoadAsync(db, command.RequestId, cancellationToken);
        var actor = Deciders.Check(user, context.Request);
        Deciders.Guard(() =>
        {
            context.Request.Reject(actor, command.Comment, now);
            return true;
        });
        await db.SaveChangesAsync(cancellationToken);
        return context.Dto(now);
    }
}
