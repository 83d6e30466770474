using System.Text.Json.Nodes;
using Platform.Contracts.Api;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Deployments;

/// <summary>
/// Each served version's drift baseline is its own training data's profile with its own label left out: two models
/// trained on one dataset version with different labels get different baselines from one read of the desired state.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class DesiredStateBaselineTests(JobHost host)
{
    [Fact]
    public async Task Two_models_of_one_dataset_version_with_different_labels_each_leave_out_their_own_label()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var dataset = "labels-" + suffix;
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var version = await UploadCsvAsync(scientist.Client, dataset, csv);
        var classifier = await TrainAsync(scientist.Client, version, "LightGbm", dataset);
        var regressor = await TrainAsync(scientist.Client, version, "LightGbm", dataset, labelColumn: "mean_radius", task: "Regression");

        foreach (var (run, name) in new[] { (classifier, "benign-" + suffix), (regressor, "radius-" + suffix) })
        {
            var registered = (await RegisterAsync(scientist.Client, name, run, 201))["version"]!.GetValue<int>();
            await ApproveIntoProductionAsync(scientist.Client, approver.Client, name, registered);
            await DeployAsync(operatorUser.Client, name, name, new { version = registered, weight = 100 });
        }

        var state = await operatorUser.Client.GetAsync(ServingControlPlaneApi.DesiredState).ExpectAsync(200, "desired state");
        var features = Features(state, "benign-" + suffix);
        Assert.DoesNotContain("benign", features);
        Assert.Contains("mean_radius", features);
        features = Features(state, "radius-" + suffix);
        Assert.DoesNotContain("mean_radius", features);
        Assert.Contains("benign", features);
        Assert.Contains("mean_texture", features);
    }

    private static List<string> Features(JsonNode state, string endpoint) =>
        [.. state["endpoints"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == endpoint)!["versions"]![0]!["baseline"]!.AsArray()
            .Select(b => b!["feature"]!.GetValue<string>())];
}
