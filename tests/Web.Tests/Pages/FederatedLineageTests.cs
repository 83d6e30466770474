using System.Text.Json;
using Bunit;
using Platform.Web.Components.Pages.Registry;

namespace Platform.Web.Tests.Pages;

/// <summary>The version page's Federated section: the lineage's federated block in words, and nothing for a version not federated.</summary>
public sealed class FederatedLineageTests : PortalTestContext
{
    [Fact]
    public void A_federated_versions_rounds_strategy_sites_per_region_compression_and_privacy_are_shown()
    {
        var section = Render<FederatedLineage>(p => p.Add(x => x.Lineage, Json("""
            {"runId":"r","federated":{"federationId":"f","state":"Completed","rounds":20,"strategy":"FedAdam","sites":100,
             "sitesPerRegion":{"eu":60,"unknown":5,"us":35},"secureAggregation":true,"compression":{"encoding":"Int8","topK":500},
             "dp":{"epsilon":3.14159,"delta":1e-5,"clipNorm":1,"noiseMultiplier":1.1}}}
            """)));

        Assert.Equal(("20", "FedAdam", "yes"), (Text(section, "rounds"), Text(section, "strategy"), Text(section, "secagg")));
        Assert.Equal(["eu 60", "unknown 5", "us 35"], section.FindAll("[data-testid=federated-region]").Select(c => c.TextContent.Trim()));
        Assert.StartsWith("100", Text(section, "sites"), StringComparison.Ordinal);
        Assert.Equal("Int8, top-500", Text(section, "compression"));
        Assert.Equal("ε = 3.142, δ = 1e-05 (clip 1, noise × 1.1)", Text(section, "dp"));
    }

    [Fact]
    public void A_federation_without_privacy_says_none()
    {
        var section = Render<FederatedLineage>(p => p.Add(x => x.Lineage, Json("""{"federated":{"rounds":3,"strategy":"FedAvg","sites":6,"sitesPerRegion":{},"secureAggregation":false,"compression":{"encoding":"Float32","topK":null},"dp":null}}""")));

        Assert.Equal(("none", "Float32", "no"), (Text(section, "dp"), Text(section, "compression"), Text(section, "secagg")));
    }

    [Fact]
    public void A_version_not_federated_shows_no_section() =>
        Assert.Empty(Render<FederatedLineage>(p => p.Add(x => x.Lineage, Json("""{"runId":"r","trainer":"LightGbm"}"""))).FindAll("[data-testid=version-federated]"));

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static string Text(IRenderedComponent<FederatedLineage> section, string field) => section.Find($"[data-testid=federated-{field}]").TextContent.Trim();
}
