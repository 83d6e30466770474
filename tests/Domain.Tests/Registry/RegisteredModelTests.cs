using Platform.Domain.Common;
using Platform.Domain.Registry;

namespace Platform.Domain.Tests.Registry;

public sealed class RegisteredModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelArtifact Artifact = new(new string('a', 64), 10, "[]", "[]");

    [Fact]
    public void Versions_count_up_from_one_start_in_development_and_keep_their_artifact_and_lineage()
    {
        var model = RegisteredModel.Create("cancer", null, "ana", Now);
        var runId = Guid.NewGuid();

        var first = model.RegisterVersion(Artifact, new ModelLineage(runId, "{}"), "{}", null, "ana", Now);
        var second = model.RegisterVersion(Artifact with { Sha256 = new string('b', 64) }, new ModelLineage(null, "{}"), "{}", "# card", "ana", Now);

        Assert.Equal((1, 2, 2), (first.Number, second.Number, model.LatestVersion));
        Assert.Equal(ModelStage.Development, first.Stage);
        Assert.Equal(model.Id, second.ModelId);
        Assert.Equal(runId, first.SourceRunId);
        Assert.Equal(new string('b', 64), second.ArtifactSha256);
    }

    [Fact]
    public void A_model_card_over_the_limit_is_refused_without_using_up_a_number()
    {
        var model = RegisteredModel.Create("cancer", null, "ana", Now);

        var error = Assert.Throws<DomainException>(() =>
            model.RegisterVersion(Artifact, new ModelLineage(null, "{}"), "{}", new string('x', ModelVersion.MaxModelCardLength + 1), "ana", Now));

        Assert.Equal("model.card-too-long", error.Code);
        Assert.Equal(1, model.RegisterVersion(Artifact, new ModelLineage(null, "{}"), "{}", null, "ana", Now).Number);
    }
}

public sealed class ModelAliasTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelArtifact Artifact = new(new string('a', 64), 10, "[]", "[]");

    [Theory]
    [InlineData("champion", true)]
    [InlineData("canary-2", true)]
    [InlineData("2", false)]
    [InlineData("Champion", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    public void An_alias_is_a_lower_case_name_that_cannot_be_read_as_a_version(string alias, bool valid) =>
        Assert.Equal(valid, ModelAlias.IsValid(alias));

    [Fact]
    public void An_alias_points_at_and_moves_between_versions_of_its_own_model_only()
    {
        var model = RegisteredModel.Create("cancer", null, "ana", Now);
        var other = RegisteredModel.Create("other", null, "ana", Now);
        var v1 = model.RegisterVersion(Artifact, new ModelLineage(null, "{}"), "{}", null, "ana", Now);
        var v2 = model.RegisterVersion(Artifact, new ModelLineage(null, "{}"), "{}", null, "ana", Now);
        var foreign = other.RegisterVersion(Artifact, new ModelLineage(null, "{}"), "{}", null, "ana", Now);

        var alias = ModelAlias.Point(model.Id, "champion", v1, "ana", Now);
        alias.MoveTo(v2, "bo", Now.AddHours(1));

        Assert.Equal((v2.Id, "bo"), (alias.ModelVersionId, alias.SetBy));
        Assert.Equal("model.alias-other-model", Assert.Throws<Platform.Domain.Common.DomainException>(() => alias.MoveTo(foreign, "bo", Now)).Code);
        Assert.Equal("model.alias-other-model", Assert.Throws<Platform.Domain.Common.DomainException>(() => ModelAlias.Point(model.Id, "x", foreign, "bo", Now)).Code);
    }
}
