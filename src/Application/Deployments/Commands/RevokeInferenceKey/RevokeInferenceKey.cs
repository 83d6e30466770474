namespace Platform.Application.Deployments.Commands.RevokeInferenceKey;

/// <summary>Revokes a key: serving hosts stop accepting it at their next pull of the desired state.</summary>
[RequiresRole(Role.Operator)]
public sealed record RevokeInferenceKeyCommand(string Deployment, Guid Id) : ICommand<InferenceKeyDto>;

public sealed class RevokeInferenceKeyCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<RevokeInferenceKeyCommand, InferenceKeyDto>
{
    public async ValueTask<InferenceKeyDto> Handle(RevokeInferenceKeyCommand command, CancellationToken cancellationToken)
    {
        var deployment = await db.LoadDeploymentAsync(command.Deployment, cancellationToken);
        var key = await db.InferenceKeys.SingleOrDefaultAsync(k => k.Id == command.Id && k.DeploymentId == deployment.Id, cancellationToken)
            ?? throw new NotFoundException("Inference key", command.Id);
        if (key.Revoke(deployment, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return InferenceKeyDto.From(key);
    }
}
