using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Governance;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

/// <summary>
/// Approves a pending request. The approver holds one of the policy's approver roles, is not the requester, and counts
/// once. The last approval needed checks the gates again, then moves the version into the stage and archives the
/// version that held it, all in one transaction; a decision that raced another is refused (409).
/// </summary>
[RequiresRole(Permissions.AnySignedIn)]
public sealed record ApprovePromotionCommand(Guid RequestId, string? Comment) : ICommand<PromotionRequestDto>;

/// <summary>Rejects a pending request; a comment saying why is required.</summary>
[RequiresRole(Permissions.AnySignedIn)]
public sealed record RejectPromotionCommand(Guid RequestId, string Comment) : ICommand<PromotionRequestDto>;

public sealed class ApprovePromotionCommandValidator : AbstractValidator<ApprovePromotionCommand>
{
    public ApprovePromotionCommandValidator() => RuleFor(c => c.Comment).MaximumLength(PromotionRequest.MaxTextLength);
}

public sealed class RejectPromotionCommandValidator : AbstractValidator<RejectPromotionCommand>
{
    public RejectPromotionCommandValidator() =>
        RuleFor(c => c.Comment).NotEmpty().WithMessage("is required to reject: say why").MaximumLength(PromotionRequest.MaxTextLength);
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

internal static class Deciders
{
    /// <summary>The caller as an approver of this request: one of its approver roles, or 403.</summary>
    public static Actor Check(ICurrentUser user, PromotionRequest request)
    {
        if (!user.Roles.Satisfies(request.ApproverRoles))
        {
            throw new ForbiddenAccessException(
                $"Deciding this request needs one of the roles {string.Join(", ", request.ApproverRoles.Split())}; you have {string.Join(", ", user.Roles.Split())}.");
        }

        return new Actor(user.UserId, user.Name);
    }

    /// <summary>Separation of duties is a 403, not a conflict.</summary>
    public static bool Guard(Func<bool> decide)
    {
        try
        {
            return decide();
        }
        catch (SelfApprovalException e)
        {
            throw new ForbiddenAccessException(e.Message);
        }
    }
}
