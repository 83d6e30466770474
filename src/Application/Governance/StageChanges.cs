using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;
using Platform.Domain.Governance;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

public sealed record StageTransitionDto(string Model, int Version, ModelStage From, ModelStage To, string Actor, string Reason, Guid? PromotionRequestId, DateTimeOffset At);

/// <summary>
/// Moves a version out of the governed stages without approval: back to Development, or Archived. Staging and
/// Production are entered only through promotion requests (409 otherwise).
/// </summary>
[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record ChangeModelStageCommand(string Model, int Version, ModelStage Stage, string Reason) : ICommand<StageTransitionDto>;

public sealed class ChangeModelStageCommandValidator : AbstractValidator<ChangeModelStageCommand>
{
    public ChangeModelStageCommandValidator()
    {
        RuleFor(c => c.Stage).Must(s => !ApprovalPolicy.IsGoverned(s) && Enum.IsDefined(s))
            .WithMessage("must be Development or Archived; Staging and Production need an approved promotion request");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(StageTransition.MaxReasonLength);
    }
}

public sealed class ChangeModelStageCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeModelStageCommand, StageTransitionDto>
{
    public async ValueTask<StageTransitionDto> Handle(ChangeModelStageCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var version = await db.ModelVersions
            .SingleOrDefaultAsync(v => v.Number == command.Version && db.RegisteredModels.Any(m => m.Id == v.ModelId && m.Name == command.Model), cancellationToken)
            ?? throw new NotFoundException("Model version", $"{command.Model} v{command.Version}");
        var model = await db.RegisteredModels.SingleAsync(m => m.Id == version.ModelId, cancellationToken);
        var transition = version.ChangeStage(command.Stage, user.Name, command.Reason, null, now);
        db.StageTransitions.Add(transition);
        model.StagesChanged();
        await db.SaveChangesAsync(cancellationToken);
        return new StageTransitionDto(model.Name, version.Number, transition.From, transition.To, user.Name, command.Reason, null, now);
    }
}

/// <summary>A model's stage history (optionally one version's), newest first. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetStageHistoryQuery(string Model, int? Version, int? Limit, string? Cursor) : IQuery<Page<StageTransitionDto>>;

public sealed class GetStageHistoryQueryValidator : AbstractValidator<GetStageHistoryQuery>
{
    public GetStageHistoryQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class GetStageHistoryQueryHandler(IPlatformDbContext db) : IQueryHandler<GetStageHistoryQuery, Page<StageTransitionDto>>
{
    private sealed record Position(long Sequence);

    public async ValueTask<Page<StageTransitionDto>> Handle(GetStageHistoryQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var model = await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(m => m.Name == query.Model, cancellationToken)
            ?? throw new NotFoundException("Model", query.Model);
        var rows = db.StageTransitions.AsNoTracking().Where(t => t.ModelId == model.Id)
            .Join(db.ModelVersions, t => t.ModelVersionId, v => v.Id, (t, v) => new { t, v.Number });
        if (query.Version is { } number)
        {
            rows = rows.Where(r => r.Number == number);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rows = rows.Where(r => r.t.Sequence < after.Sequence);
        }

        var page = await rows.OrderByDescending(r => r.t.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        return new Page<StageTransitionDto>(
            [.. page.Take(limit).Select(r => new StageTransitionDto(model.Name, r.Number, r.t.From, r.t.To, r.t.Actor, r.t.Reason, r.t.PromotionRequestId, r.t.At))],
            page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].t.Sequence)) : null);
    }
}
