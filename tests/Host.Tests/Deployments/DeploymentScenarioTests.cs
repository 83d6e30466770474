using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Deployments;

/// <summary>
/// Deployment through the real embedded host and its in-process worker: a trained version approved into Production
/// is deployed (202), the deploy job loads it on the worker, runs rows of its training data and measures its latency,
/// and the revision becomes Active with those figures; the desired state lists it with its hash and a training
/// baseline; a canary deployed beside it and rolled back by a serving host's report leaves a rollback revision, audited.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class DeploymentScenarioTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task An_approved_version_is_validated_by_a_deploy_job_served_in_the_desired_state_and_its_canary_rolled_back()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        using var admin = await host.UserAsync("Admin");
        var (model, dataset, endpoint) = ("deployed-" + Guid.NewGuid().ToString("N")[..6], "serve-" + Guid.NewGuid().ToString("N")[..6], "cancer-" + Guid.NewGuid().ToString("N")[..6]);
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var datasetVersion = await UploadCsvAsync(scientist.Client, dataset, csv);
        var run = await TrainAsync(scientist.Client, datasetVersion, "LightGbm", dataset);
        var v1 = (await RegisterAsync(scientist.Client, model, run, 201))["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist.Client, approver.Client, model, v1);

        var first = await DeployAsync(operatorUser.Client, endpoint, model, new { version = v1, weight = 100 });

        var validation = first["active"]!["validation"]!["versions"]![0]!;
        output.WriteLine(validation.ToJsonString());
        Assert.Equal((1, "Active"), (first["active"]!["number"]!.GetValue<int>(), first["active"]!["state"]!.GetValue<string>()));
        Assert.True(validation["p50Microseconds"]!.GetValue<double>() > 0 && validation["p99Microseconds"]!.GetValue<double>() >= validation["p50Microseconds"]!.GetValue<double>());
        Assert.StartsWith($"dataset {dataset} v{datasetVersion}", validation["sample"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("CPU", validation["providerUsed"]!.GetValue<string>());

        var state = await operatorUser.Client.GetAsync("/api/v1/serving/desired-state").ExpectAsync(200, "desired state");
        var served = state["endpoints"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == endpoint)!;
        var registered = await scientist.Client.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}/versions/{v1}");
        Assert.Equal(registered!["artifactSha256"]!.GetValue<string>(), served["versions"]![0]!["sha256"]!.GetValue<string>());
        var baseline = served["versions"]![0]!["baseline"]!.AsArray();
        Assert.NotEmpty(baseline);
        Assert.DoesNotContain(baseline, f => f!["feature"]!.GetValue<string>() == "benign");
        Assert.All(baseline, f => Assert.Equal(f!["binEdges"]!.AsArray().Count, f["binCounts"]!.AsArray().Count + 1));

        var v2 = (await RegisterAsync(scientist.Client, model, run, 201))["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist.Client, approver.Client, model, v2);
        var canary = await DeployAsync(operatorUser.Client, endpoint, model, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true });
        Assert.Equal(2, canary["active"]!["number"]!.GetValue<int>());

        var report = new
        {
            revision = 2, version = v2, reason = "error rate 0.5 over 60 s", requests = 120, errors = 60, errorRate = 0.5, p95Milliseconds = 4.2,
            windowStart = DateTimeOffset.UtcNow.AddMinutes(-1), windowEnd = DateTimeOffset.UtcNow, host = "serving-test",
        };
        var rolledBack = await operatorUser.Client.PostAsJsonAsync($"/api/v1/deployments/{endpoint}/canary-rollbacks", report).ExpectAsync(200, "canary rollback");

        var active = rolledBack["deployment"]!["active"]!;
        Assert.Equal((3, "CanaryRollback", 2), (active["number"]!.GetValue<int>(), active["kind"]!.GetValue<string>(), active["rollbackOf"]!.GetValue<int>()));
        Assert.Equal([v1], active["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var audit = await admin.Client.GetAsync("/api/v1/audit?action=ReportCanaryRollback&limit=500").ExpectAsync(200, "audit");
        var recorded = audit["items"]!.AsArray().Single(e => e!["summary"]!.ToJsonString().Contains(endpoint, StringComparison.Ordinal))!;
        Assert.Equal(operatorUser.Name, recorded["actor"]!.GetValue<string>());
        Assert.Contains("(60 of 120 requests)", recorded["summary"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
