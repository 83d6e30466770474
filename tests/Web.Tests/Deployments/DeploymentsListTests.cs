using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

public sealed class DeploymentsListTests : DeploymentPageContext
{
    private static readonly Guid DeployJob = Guid.NewGuid();

    [Fact]
    public void A_validating_deployment_shows_its_deploy_jobs_progress_and_link_and_a_drifting_one_its_badge()
    {
        var validating = Endpoint with
        {
            Name = "churn", Pending = Revision(2, new(1, 90, false), new(2, 10, true)) with { State = "Validating", DeployJobId = DeployJob },
        };
        Api.On(HttpMethod.Get, "/api/v1/deployments?", () => new Page<DeploymentInfo>([Endpoint with { DriftAlert = true }, validating], null));
        Api.On(HttpMethod.Get, $"/api/v1/jobs/{DeployJob}", () => new JobInfo(DeployJob, "Deploy", "Running", null, "operator", 40, "validate", "v2 latency", null, DateTimeOffset.UnixEpoch));

        var list = RenderOperator<DeploymentList>();

        list.WaitForAssertion(() => Assert.Contains("40%", list.Find("[data-testid=deploy-job]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal($"/jobs/{DeployJob}", list.Find("[data-testid=deploy-job] a").GetAttribute("href"));
        var rows = list.FindAll("tbody tr");
        Assert.Contains("drift alert", rows[0].TextContent);
        Assert.DoesNotContain("drift alert", rows[1].TextContent);
        Assert.Contains("Validating revision 2", rows[1].TextContent);
        Assert.Equal("v1 100%", rows[0].QuerySelector("[data-testid=active-split]")!.TextContent);
    }

    [Fact]
    public void The_drift_badge_comes_from_the_lists_flag_in_one_call_without_reading_any_deployments_monitoring()
    {
        var drifting = Endpoint with { Name = "drifting", DriftAlert = true };
        // Alerting monitoring on a row the list does not flag, and per-row monitoring answers that alert: neither may light the badge.
        var quiet = Endpoint with { Name = "quiet", Monitoring = new MonitoringInfo(true, []) };
        Api.On(HttpMethod.Get, "/api/v1/deployments?", () => new Page<DeploymentInfo>([drifting, quiet], null));
        Api.On(HttpMethod.Get, "/api/v1/deployments/", () => new MonitoringInfo(true, []));

        var list = RenderOperator<DeploymentList>();

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        var rows = list.FindAll("tbody tr");
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=drift-badge]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=drift-badge]"));
        var deploymentCalls = Api.Sent.Where(s => s.Path.StartsWith("/api/v1/deployments", StringComparison.Ordinal)).Select(s => s.Path).ToList();
        Assert.True(deploymentCalls.Count == 1 && deploymentCalls[0].StartsWith("/api/v1/deployments?limit=25", StringComparison.Ordinal),
            $"the list should read one page and nothing per row, but called: {string.Join(", ", deploymentCalls)}");
    }
}
