using Platform.Domain.Common;
using Platform.Domain.Registry;

namespace Platform.Domain.Deployments;

/// <summary>
/// Which versions a deployment may take. A version newly added to a Production deployment must have been approved into
/// Production: it holds Production now, or its history has a move into Production (so that rolling back to the
/// previous holder, now Archived, stays possible). For Staging it must hold, or have held, Staging or Production.
/// </summary>
public static class DeploymentApproval
{
    /// <exception cref="VersionNotApprovedException">The version was never approved for the environment.</exception>
    public static void Require(DeploymentEnvironment environment, int version, ModelStage stage, IEnumerable<ModelStage> stagesEntered)
    {
        ModelStage[] accepted = environment == DeploymentEnvironment.Production
            ? [ModelStage.Production]
            : [ModelStage.Staging, ModelStage.Production];
        if (!accepted.Contains(stage) && !stagesEntered.Any(accepted.Contains))
        {
            throw new VersionNotApprovedException(environment, version, stage);
        }
    }
}

/// <summary>A version goes to a deployment only once approved into its environment (answered 422).</summary>
public sealed class VersionNotApprovedException(DeploymentEnvironment environment, int version, ModelStage stage)
    : DomainException(
        "deployment.version-not-approved",
        $"Version {version} is {stage} and was never approved into {environment}{(environment == DeploymentEnvironment.Staging ? " or Production" : "")}; request a promotion first.")
{
    public int Version { get; } = version;

    public ModelStage Stage { get; } = stage;
}
