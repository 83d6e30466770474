using Platform.Domain.Deployments;
using Platform.Domain.Registry;

namespace Platform.Domain.Tests.Deployments;

public sealed class DeploymentApprovalTests
{
    [Theory]
    [InlineData(ModelStage.Production, new ModelStage[] { ModelStage.Production })]
    [InlineData(ModelStage.Archived, new ModelStage[] { ModelStage.Production, ModelStage.Archived })]
    public void Production_takes_a_version_that_holds_or_held_production(ModelStage stage, ModelStage[] entered) =>
        DeploymentApproval.Require(DeploymentEnvironment.Production, 3, stage, entered);

    [Theory]
    [InlineData(ModelStage.Development, new ModelStage[0])]
    [InlineData(ModelStage.Staging, new ModelStage[] { ModelStage.Staging })]
    [InlineData(ModelStage.Archived, new ModelStage[] { ModelStage.Staging, ModelStage.Archived })]
    public void Production_refuses_a_version_never_approved_into_production_naming_it_and_its_stage(ModelStage stage, ModelStage[] entered)
    {
        var error = Assert.Throws<VersionNotApprovedException>(() => DeploymentApproval.Require(DeploymentEnvironment.Production, 3, stage, entered));

        Assert.Equal((3, stage), (error.Version, error.Stage));
        Assert.Contains($"Version 3 is {stage}", error.Message, StringComparison.Ordinal);
        Assert.Equal("deployment.version-not-approved", error.Code);
    }

    [Theory]
    [InlineData(ModelStage.Staging, new ModelStage[] { ModelStage.Staging })]
    [InlineData(ModelStage.Production, new ModelStage[] { ModelStage.Production })]
    [InlineData(ModelStage.Development, new ModelStage[] { ModelStage.Staging, ModelStage.Development })]
    public void Staging_takes_a_version_that_holds_or_held_staging_or_production(ModelStage stage, ModelStage[] entered) =>
        DeploymentApproval.Require(DeploymentEnvironment.Staging, 1, stage, entered);

    [Fact]
    public void Staging_refuses_a_development_version_that_never_left_development() =>
        Assert.Throws<VersionNotApprovedException>(() => DeploymentApproval.Require(DeploymentEnvironment.Staging, 1, ModelStage.Development, []));
}
