using Platform.Application.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Tests.Governance;

/// <summary>The figures a gate on how a version was trained reads: its metrics at registration, then its federated lineage, which wins.</summary>
public sealed class VersionProvenanceTests
{
    [Fact]
    public void A_federated_versions_lineage_gives_its_rounds_sites_regions_and_privacy_as_figures()
    {
        var figures = VersionProvenance.Of(Version(
            """{"runId":"r","federated":{"federationId":"f","rounds":4,"strategy":"FedAvg","sites":5,"sitesPerRegion":{"eu":3,"unknown":2},"secureAggregation":true,"compression":{"encoding":"Int8","topK":null},"dp":{"epsilon":3.5,"delta":1e-5,"clipNorm":1,"noiseMultiplier":1.1}}}""",
            """{"dp.epsilon":3.5,"federated.sites":4,"accuracy":0.9}"""));

        Assert.Equal((4, 5, 3, 2, 1), (figures["federated.rounds"], figures["federated.sites"], figures["federated.sitesPerRegion.eu"], figures["federated.sitesPerRegion.unknown"], figures["federated.secureAggregation"]));
        Assert.Equal((3.5, 1e-5, 1.1), (figures["dp.epsilon"], figures["dp.delta"], figures["dp.noiseMultiplier"]));
        Assert.False(figures.ContainsKey("accuracy"), "an evaluation metric is not a figure of how the version was trained");
    }

    [Fact]
    public void A_federation_without_privacy_leaves_no_epsilon_whatever_its_run_logged()
    {
        var figures = VersionProvenance.Of(Version("""{"federated":{"rounds":2,"sites":3,"dp":null}}""", """{"dp.epsilon":0.1,"federated.bytes_received":1200}"""));

        Assert.False(figures.ContainsKey("dp.epsilon"), $"figures: {string.Join(", ", figures.Keys)}");
        Assert.Equal(1200, figures["federated.bytes_received"]);
    }

    [Fact]
    public void A_version_trained_elsewhere_keeps_the_privacy_figures_its_run_logged()
    {
        var figures = VersionProvenance.Of(Version("""{"runId":"r","trainer":"opacus"}""", """{"dp.epsilon":2.0,"loss":0.3}"""));

        Assert.Equal(["dp.epsilon"], figures.Keys);
        Assert.Equal(2.0, figures["dp.epsilon"]);
    }

    private static ModelVersion Version(string lineage, string metrics) =>
        RegisteredModel.Create("digits", null, "ana", DateTimeOffset.UnixEpoch)
            .RegisterVersion(new ModelArtifact(new string('a', 64), 10, "[]", "[]"), new ModelLineage(null, lineage), metrics, null, "ana", DateTimeOffset.UnixEpoch);
}
