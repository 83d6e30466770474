using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance.Commands.ChangeModelStage;

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
