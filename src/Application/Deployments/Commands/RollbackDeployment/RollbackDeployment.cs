using Platform.Domain.Deployments;

namespace Platform.Application.Deployments.Commands.RollbackDeployment;

/// <summary>
/// One step back: a new Active revision with the traffic of the revision that was active before the current one,
/// marked as a rollback with the reason; the current one ends RolledBack.
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record RollbackDeploymentCommand(string Name, string? Reason) : ICommand<DeploymentDto>;

public sealed class RollbackDeploymentCommandValidator : AbstractValidator<RollbackDeploymentCommand>
{
    public RollbackDeploymentCommandValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(DeploymentRevision.MaxReasonLength);
}

public sealed class RollbackDeploymentCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RollbackDeploymentCommand, DeploymentDto>
{
    public async ValueTask<DeploymentDto> Handle(RollbackDeploymentCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deployment = await db.LoadDeploymentAsync(command.Name, cancellationToken);
        if (deployment.PendingRevision is { } pending)
        {
            throw new ConflictException("deployment.validating", $"Revision {pending} is being validated; wait for its deploy job or cancel it before rolling back.");
        }

        var active = await db.RevisionAsync(deployment.Id, deployment.ActiveRevision, cancellationToken)
            ?? throw new ConflictException("deployment.no-active", $"Deployment '{deployment.Name}' has no active revision to roll back.");
        var target = await db.RevisionAsync(deployment.Id, active.PreviousRevision, cancellationToken)
            ?? throw new ConflictException("deployment.nothing-to-roll-back", $"Revision {active.Number} is the first active revision of '{deployment.Name}'; there is nothing to roll back to.");
        var revision = deployment.RollBack(active, target, command.Reason!, user.Name, now);
        db.DeploymentRevisions.Add(revision);
        var model = await db.ModelNameAsync(deployment.ModelId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DeploymentDto.From(deployment, model, revision, null, null, await db.DriftAlertAsync(deployment.Id, revision, cancellationToken));
    }
}
