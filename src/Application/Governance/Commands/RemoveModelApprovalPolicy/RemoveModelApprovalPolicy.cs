using Platform.Domain.Registry;

namespace Platform.Application.Governance.Commands.RemoveModelApprovalPolicy;

/// <summary>Removes a model's own policy for an environment: its promotions there fall back to the environment's.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record RemoveModelApprovalPolicyCommand(string Model, ModelStage Environment) : ICommand;

public sealed class RemoveModelApprovalPolicyCommandHandler(IPlatformDbContext db) : ICommandHandler<RemoveModelApprovalPolicyCommand>
{
    public async ValueTask<Unit> Handle(RemoveModelApprovalPolicyCommand command, CancellationToken cancellationToken)
    {
        var policy = await db.ApprovalPolicies
            .Where(p => p.Environment == command.Environment && db.RegisteredModels.Any(m => m.Id == p.ModelId && m.Name == command.Model))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Approval policy", $"{command.Environment} of model {command.Model}");
        db.ApprovalPolicies.Remove(policy);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
