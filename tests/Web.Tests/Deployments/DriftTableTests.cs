using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

public sealed class DriftTableTests : PortalTestContext
{
    private static readonly DriftPolicyInfo Policy = new(PsiThreshold: 0.2, KsThreshold: 0.1, MinSamples: 200, IntervalSeconds: 60);

    [Fact]
    public void Alerting_features_are_highlighted_and_each_figure_past_its_policy_threshold_is_marked()
    {
        var table = Render<DriftTable>(p => p
            .Add(t => t.Policy, Policy)
            .Add(t => t.Figures, Figures(
                new FeatureDriftInfo("mean radius", Psi: 0.35, Ks: 0.05, Alert: true),
                new FeatureDriftInfo("mean texture", Psi: 0.19, Ks: 0.09, Alert: false),
                new FeatureDriftInfo("worst area", Psi: 0.01, Ks: 0.4, Alert: true))));

        var rows = table.FindAll("[data-testid=drift-row]");

        Assert.Equal(["1", "0", "1"], rows.Select(r => r.GetAttribute("data-alert")));
        Assert.Equal([("1", "0"), ("0", "0"), ("0", "1")], rows.Select(r => (r.Children[1].GetAttribute("data-past"), r.Children[2].GetAttribute("data-past"))));
        Assert.Contains("mud-error-text", rows[0].Children[1].ClassName);
        Assert.DoesNotContain("mud-error-text", rows[1].Children[1].ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal(2, rows.Count(r => r.TextContent.Contains("drifting", StringComparison.Ordinal)));
        Assert.Equal(["drift-alert", "drift-alert"], rows.Where(r => r.GetAttribute("data-alert") == "1").Select(r => r.ClassName));
        Assert.Null(rows[1].GetAttribute("class"));
        Assert.Contains("PSI 0.2 or KS 0.1", table.Markup);
    }

    [Fact]
    public void A_version_without_drift_figures_says_why_instead_of_an_empty_table()
    {
        var table = Render<DriftTable>(p => p.Add(t => t.Policy, Policy).Add(t => t.Figures, Figures()));

        Assert.Empty(table.FindAll("[data-testid=drift-row]"));
        Assert.Contains("No drift measured yet", table.Markup);
    }

    private static VersionMonitoringInfo Figures(params FeatureDriftInfo[] drift) => new(
        2, 4, "serving-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1), 1000, 3, 0.003, 0.4, 0.9, 1.5, 250, drift.Any(d => d.Alert), drift,
        DateTimeOffset.UnixEpoch.AddMinutes(1));
}
