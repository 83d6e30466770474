using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance.Commands.ApprovePromotion;

/// <summary>
/// Approves a pending request. The approver holds one of the policy's approver roles, is not the requester, and counts
/// once. The last approval needed checks the gates again, then moves the version into the stage and archives the
/// version that held it, all in one transaction; a decision that raced another is refused (409).
/// </summary>
[RequiresRole(Permissions.AnySignedIn)]
public sealed record ApprovePromotionCommand(Guid RequestId, string? Comment) : ICommand<PromotionRequestDto>;

public sealed class ApprovePromotionCommandValidator : AbstractValidator<ApprovePromotionCommand>
{
    public ApprovePromotionCommandValidator() => RuleFor(c => c.Comment).MaximumLength(PromotionRequest.MaxTextLength);
}

public sealed class ApprovePromotionCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApprovePromotionCommand, PromotionRequestDto>
{
    public async ValueTask<PromotionRequestDto> Handle(ApprovePromotionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var context = await PromotionContext.LoadAsync(db, command.RequestId, cancellationToken);
        var (request, model, version) = context;
        var actor = Deciders.Check(user, request);
        var last = request.Status == PromotionStatus.Pending && request.Approvals + 1 >= request.RequiredApprovals;
        var evidence = last
            ? await GateEvidenceReader.CheckAsync(db, await db.PolicyForAsync(request.TargetStage, version.ModelId, cancellationToken), version, now, cancellationToken)
            : null;
        if (!Deciders.Guard(() => request.Approve(actor, command.Comment, () => evidence!, now)))
        {
            await db.SaveChangesAsync(cancellationToken);
            return context.Dto(now);
        }

        var holders = await db.ModelVersions
            .Where(v => v.ModelId == model.Id && v.Stage == request.TargetStage && v.Id != version.Id).ToListAsync(cancellationToken);
        foreach (var holder in holders)
        {
            Move(holder, ModelStage.Archived, $"Replaced in {request.TargetStage} by version {version.Number}", request.Id, now);
        }

        Move(version, request.TargetStage, request.Justification, request.Id, now);
        model.StagesChanged();
        await db.SaveChangesAsync(cancellationToken);
        return context.Dto(now);
    }

    private void Move(ModelVersion version, ModelStage to, string reason, Guid requestId, DateTimeOffset now)
    {
        var transition = version.ChangeStage(to, user.Name, reason, requestId, now);
        db.StageTransitions.Add(transition);
    }
}
