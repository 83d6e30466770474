using Platform.Domain.Deployments;

namespace Platform.Application.Deployments;

/// <summary>The payloads of the deployment events (<c>deployment.*</c>), named once.</summary>
internal static class DeploymentEvents
{
    public static object Changed(Deployment deployment, string model, DeploymentRevision revision) => new
    {
        deployment = deployment.Name,
        model,
        environment = deployment.Environment,
        revision = revision.Number,
        kind = revision.Kind,
        versions = revision.Traffic.Versions,
        previousRevision = revision.PreviousRevision,
        by = revision.CreatedBy,
        reason = revision.Reason,
    };

    public static object ValidationFailed(Deployment deployment, string model, DeploymentRevision revision) => new
    {
        deployment = deployment.Name,
        model,
        revision = revision.Number,
        versions = revision.Traffic.Versions,
        reason = revision.FailureReason,
        activeRevision = deployment.ActiveRevision,
    };
}
