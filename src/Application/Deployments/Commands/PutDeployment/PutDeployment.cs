using Platform.Application.Jobs;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;
using Platform.Domain.Jobs;

namespace Platform.Application.Deployments.Commands.PutDeployment;

/// <summary>A version on the deployment as asked for: relative weight, and whether it is the canary.</summary>
public sealed record TrafficVersionRequest(int Version, int Weight, bool Canary = false);

/// <summary>
/// Creates a deployment or changes its desired state. Versions newly added must be approved into the environment (422
/// naming the version and its stage). Versions not yet validated on the hardware class make the new revision wait in
/// Validating for a Deploy job; a change of weights only is active at once. <paramref name="IfMatch"/>: the deployment's
/// <c>concurrencyVersion</c> the change was made against (412 when stale).
/// </summary>
[RequiresRole(Role.Operator)]
public sealed record PutDeploymentCommand(
    string Name, string? Model, DeploymentEnvironment? Environment, HardwareClass HardwareClass, IReadOnlyList<TrafficVersionRequest>? Versions,
    CanaryPolicy? CanaryPolicy, DriftPolicy? DriftPolicy, string? Reason, int? IfMatch = null) : ICommand<DeploymentChangeDto>;

public sealed class PutDeploymentCommandHandler(
    IPlatformDbContext db, Jobs.JobShares shares, Workspaces.WorkspaceQuotas quotas, ICurrentUser user, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Jobs.JobOptions> options)
    : ICommandHandler<PutDeploymentCommand, DeploymentChangeDto>
{
    public async ValueTask<DeploymentChangeDto> Handle(PutDeploymentCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var environment = command.Environment!.Value;
        var model = await db.RegisteredModels.SingleOrDefaultAsync(m => m.Name == command.Model, cancellationToken)
            ?? throw new NotFoundException("Model", command.Model!);
        var deployment = await db.Deployments.SingleOrDefaultAsync(d => d.Name == command.Name, cancellationToken);
        if (deployment is null)
        {
            await quotas.EnsureRoomForDeploymentAsync(cancellationToken);
            deployment = Deployment.Create(command.Name, model.Id, environment, command.HardwareClass,
                DeploymentMapping.ToDomain(command.CanaryPolicy), DeploymentMapping.ToDomain(command.DriftPolicy), user.Name, now);
            db.Deployments.Add(deployment);
        }
        else if (deployment.ModelId != model.Id)
        {
            throw new ConflictException("deployment.model", $"Deployment '{deployment.Name}' serves another model; a deployment keeps its model (make a new deployment for '{model.Name}').");
        }
        else if (command.IfMatch is { } expected && expected != deployment.ConcurrencyVersion)
        {
            throw new PreconditionFailedException("Deployment", expected, deployment.ConcurrencyVersion);
        }

        var active = await db.RevisionAsync(deployment.Id, deployment.ActiveRevision, cancellationToken);
        var traffic = TrafficSplit.Of([.. command.Versions!.Select(v => new TrafficVersion(v.Version, v.Weight, v.Canary))]);
        var numbers = traffic.Numbers.ToList();
        var versions = await db.ModelVersions.Where(v => v.ModelId == model.Id && numbers.Contains(v.Number)).ToListAsync(cancellationToken);
        if (traffic.Numbers.FirstOrDefault(n => versions.All(v => v.Number != n)) is var missing and > 0)
        {
            throw new NotFoundException("Model version", $"{model.Name} v{missing}");
        }

        var unchanged = active is not null && deployment.Environment == environment ? active.Traffic.Numbers.ToHashSet() : [];
        foreach (var version in versions.Where(v => !unchanged.Contains(v.Number)).OrderBy(v => v.Number))
        {
            var entered = await db.StageTransitions.Where(t => t.ModelVersionId == version.Id).Select(t => t.To).ToListAsync(cancellationToken);
            DeploymentApproval.Require(environment, version.Number, version.Stage, entered);
        }

        deployment.Configure(environment, command.HardwareClass, DeploymentMapping.ToDomain(command.CanaryPolicy), DeploymentMapping.ToDomain(command.DriftPolicy), now);
        var revision = deployment.Propose(traffic, active, command.Reason!, user.Name, now);
        db.DeploymentRevisions.Add(revision);
        Job? job = null;
        if (revision.State == RevisionState.Validating)
        {
            job = await DeployJobs.SubmitAsync(db, user, options.Value, deployment, model, revision, active, versions, now, cancellationToken);
            db.Jobs.Add(job);
            deployment.AwaitValidation(revision, job.Id);
            await shares.AdmitAsync(job, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var serving = revision.State == RevisionState.Active ? revision : active;
        return new DeploymentChangeDto(
            DeploymentDto.From(deployment, model.Name, serving, job is null ? null : revision, null, await db.DriftAlertAsync(deployment.Id, serving, cancellationToken)),
            job is null ? null : Jobs.JobDto.From(job));
    }
}
