using Platform.Application.Registry;
using Platform.Domain.Common;
using Platform.Domain.Deployments;
using Platform.Domain.Fleet;
using Platform.Domain.Governance;

namespace Platform.Application.Fleet.Commands.StartRollout;

/// <summary>
/// Starts moving a model version across the devices a selector picks (Operator), in waves at a rate, each wave judged by
/// a health gate. Only a version approved into the rollout's environment may go (422 otherwise), as for deployments;
/// one model has one active rollout at a time in a workspace (409). With <see cref="RequireApproval"/> it waits, giving no
/// device anything, until an Approver other than its starter approves it (<c>ApproveRollout</c>).
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record StartRolloutCommand(
    string? Model, int? Version, DeploymentEnvironment? Environment, string? Selector, IReadOnlyList<Wave>? Waves, RolloutRate? Rate, HealthGate? Gate,
    LocalHealthLimits? HealthCheck, FailurePolicy? OnFailure, bool? RequireApproval = null) : ICommand<RolloutDto>;

public sealed class StartRolloutCommandValidator : AbstractValidator<StartRolloutCommand>
{
    public StartRolloutCommandValidator()
    {
        RuleFor(c => c.Model).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Version).NotNull().GreaterThanOrEqualTo(1);
        RuleFor(c => c.Selector).MaximumLength(1000).Custom((selector, context) =>
        {
            try
            {
                LabelSelector.Parse(selector);
            }
            catch (DomainException e)
            {
                context.AddFailure("selector", e.Message);
            }
        });
        RuleFor(c => c).Custom((c, context) =>
        {
            foreach (var (field, reason) in RolloutPlanRules.Problems(c.Waves, c.Rate, c.Gate, c.HealthCheck))
            {
                context.AddFailure(field, reason);
            }
        });
    }
}

public sealed class StartRolloutCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartRolloutCommand, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(StartRolloutCommand command, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(command.Model!, command.Version!.Value, cancellationToken);
        // Read before the check below and marked in the same save: of two rollouts started at once, the second is refused.
        var guard = await db.RegisteredModels.SingleAsync(m => m.Id == model.Id, cancellationToken);
        var environment = command.Environment ?? DeploymentEnvironment.Production;
        var entered = await db.StageTransitions.Where(t => t.ModelVersionId == version.Id).Select(t => t.To).ToListAsync(cancellationToken);
        DeploymentApproval.Require(environment, version.Number, version.Stage, entered);
        if (await db.Rollouts.Where(RolloutLookup.UnderWay).AnyAsync(r => r.ModelId == model.Id, cancellationToken))
        {
            throw new ConflictException("rollout.active", $"Model '{model.Name}' has a rollout under way: let it finish, or abort it first.");
        }

        var selector = LabelSelector.Parse(command.Selector);
        var devices = await db.CountSelectedAsync(selector, cancellationToken);
        var rollout = Rollout.Start(
            model.Id, model.Name, version.Id, version.Number, environment, selector, devices, command.Waves!, command.Rate, command.Gate, command.HealthCheck,
            command.OnFailure ?? FailurePolicy.Rollback, new Actor(user.UserId, user.Name), clock.GetUtcNow(), command.RequireApproval ?? false);
        db.Rollouts.Add(rollout);
        guard.RolloutStarted();
        await db.SaveChangesAsync(cancellationToken);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
