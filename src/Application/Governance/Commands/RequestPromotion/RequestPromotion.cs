using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance.Commands.RequestPromotion;

/// <summary>
/// Asks for a version to enter Staging or Production under that environment's policy. The gates are checked now and
/// the request is refused (422, naming each failed gate) unless they pass; their evidence is kept on the request.
/// </summary>
[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record RequestPromotionCommand(string Model, int Version, ModelStage TargetStage, string Justification) : ICommand<PromotionRequestDto>;

public sealed class RequestPromotionCommandValidator : AbstractValidator<RequestPromotionCommand>
{
    public RequestPromotionCommandValidator()
    {
        RuleFor(c => c.TargetStage).Must(ApprovalPolicy.IsGoverned).WithMessage("must be Staging or Production");
        RuleFor(c => c.Justification).NotEmpty().MaximumLength(PromotionRequest.MaxTextLength);
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

public sealed class RequestPromotionCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestPromotionCommand, PromotionRequestDto>
{
    public async ValueTask<PromotionRequestDto> Handle(RequestPromotionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var model = await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(m => m.Name == command.Model, cancellationToken)
            ?? throw new NotFoundException("Model", command.Model);
        var version = await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ModelId == model.Id && v.Number == command.Version, cancellationToken)
            ?? throw new NotFoundException("Model version", $"{command.Model} v{command.Version}");
        if (await db.PromotionRequests.AnyAsync(
                r => r.ModelVersionId == version.Id && r.TargetStage == command.TargetStage && r.Status == PromotionStatus.Pending && r.ExpiresAt > now, cancellationToken))
        {
            throw new ConflictException("promotion.pending", $"Version {version.Number} already has a pending request for {command.TargetStage}.");
        }

        var policy = await db.PolicyForAsync(command.TargetStage, model.Id, cancellationToken);
        var evidence = await GateEvidenceReader.CheckAsync(db, policy, version, now, cancellationToken);
        if (!evidence.Passed)
        {
            throw new GatesFailedException(evidence);
        }

        var request = PromotionRequest.Open(version, command.TargetStage, policy, evidence, command.Justification, new Actor(user.UserId, user.Name), now);
        db.PromotionRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return PromotionRequestDto.From(request, model.Name, version.Number, now);
    }
}
