using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Api;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Deployments;

/// <summary>
/// Issue 17's must-show on the real embedded host: one dataset, model and deployment name in two workspaces, each
/// trained, approved and deployed on its own, and both served at once by the same serving surface, each at its own
/// address with its own keys; the desired state a host polls holds each workspace its token operates in.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class WorkspaceServingTests(JobHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_workspaces_deployments_of_one_name_are_served_at_once_each_at_its_own_address_with_its_own_keys()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        using var admin = await host.UserAsync("Admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (workspace, model, dataset, endpoint) = ("fraud-" + suffix, "churn-" + suffix, "churn-data-" + suffix, "churn-" + suffix);
        await admin.Client.PostAsJsonAsync("/api/v1/workspaces", new { name = workspace }).ExpectAsync(201, "create the workspace");
        foreach (var (user, role) in new[] { (scientist, "DataScientist"), (approver, "Approver"), (operatorUser, "Operator") })
        {
            await admin.Client.PutAsJsonAsync($"/api/v1/workspaces/{workspace}/members/{user.Name}", new { roles = new[] { role } }).ExpectAsync(200, "add a member");
        }

        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var home = await DeployAsync(scientist.Client, approver.Client, operatorUser.Client, csv, (model, dataset, endpoint), versions: 1);
        using var scientistThere = host.InWorkspace(scientist.Token, workspace);
        using var approverThere = host.InWorkspace(approver.Token, workspace);
        using var operatorThere = host.InWorkspace(operatorUser.Token, workspace);
        var there = await DeployAsync(scientistThere, approverThere, operatorThere, csv, (model, dataset, endpoint), versions: 2);

        var desired = await operatorUser.Client.GetAsync(ServingControlPlaneApi.DesiredStateOfAllWorkspaces).ExpectAsync(200, "desired state");
        var named = desired["endpoints"]!.AsArray().Where(e => e!["name"]!.GetValue<string>() == endpoint).ToList();
        Assert.Equal(["default", workspace], named.Select(e => e!["workspace"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var homeOnly = await operatorUser.Client.GetAsync(ServingControlPlaneApi.DesiredState).ExpectAsync(200, "an older host's desired state");
        Assert.All(homeOnly["endpoints"]!.AsArray(), e => Assert.Equal("default", e!["workspace"]!.GetValue<string>()));
        var scoped = await operatorUser.Client.PostAsJsonAsync("/api/v1/tokens", new { name = "serving " + suffix, roles = new[] { "Operator" }, workspaces = new[] { workspace } })
            .ExpectAsync(201, "a token for one workspace");
        using (var scopedClient = host.AnonymousClient())
        {
            scopedClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scoped["secret"]!.GetValue<string>());
            var seen = await scopedClient.GetAsync(ServingControlPlaneApi.DesiredStateOfAllWorkspaces).ExpectAsync(200, "a scoped host's desired state");
            Assert.All(seen["endpoints"]!.AsArray(), e => Assert.Equal(workspace, e!["workspace"]!.GetValue<string>()));
        }

        await scientist.Client.GetAsync(ServingControlPlaneApi.DesiredStateOfAllWorkspaces).ExpectAsync(403, "a data scientist's desired state");

        var atHome = $"/v2/models/{endpoint}/predict";
        var inWorkspace = $"/workspaces/{workspace}/v2/models/{endpoint}/predict";
        var record = PredictRecords(csv)[0];
        Assert.Equal("1", await PredictedVersionAsync(atHome, home.Key, record, 200));
        Assert.Equal("1", await PredictedVersionAsync($"/workspaces/default/v2/models/{endpoint}/predict", home.Key, record, 200));
        Assert.Equal("2", await PredictedVersionAsync(inWorkspace, there.Key, record, 200));
        await PredictedVersionAsync(inWorkspace, home.Key, record, 403);
        await PredictedVersionAsync(atHome, there.Key, record, 403);
        Assert.Equal("1", home.Deployment["active"]!["versions"]![0]!["version"]!.ToString());
        Assert.Equal("2", there.Deployment["active"]!["versions"]![0]!["version"]!.ToString());
    }

    /// <summary>Uploads, trains, registers <paramref name="versions"/> versions, approves the last, deploys it and makes a key; waits until it is served.</summary>
    private async Task<(JsonNode Deployment, string Key)> DeployAsync(
        HttpClient scientist, HttpClient approver, HttpClient operatorClient, string csv, (string Model, string Dataset, string Endpoint) names, int versions)
    {
        var run = await TrainAsync(scientist, await UploadCsvAsync(scientist, names.Dataset, csv), "LightGbm", names.Dataset);
        var version = 0;
        for (var i = 0; i < versions; i++)
        {
            version = (await RegisterAsync(scientist, names.Model, run, 201))["version"]!.GetValue<int>();
        }

        await ApproveIntoProductionAsync(scientist, approver, names.Model, version);
        var deployment = await DeploymentRequests.DeployAsync(operatorClient, names.Endpoint, names.Model, new { version, weight = 100 });
        var key = await operatorClient.PostAsJsonAsync($"/api/v1/deployments/{names.Endpoint}/keys", new { name = "test" }).ExpectAsync(201, "inference key");
        return (deployment, key["key"]!.GetValue<string>());
    }

    /// <summary>Predicts one record at <paramref name="path"/> with <paramref name="key"/> (once the host serves it), checks the status and answers the version that ran.</summary>
    private async Task<string?> PredictedVersionAsync(string path, string key, JsonObject record, int status)
    {
        using var serving = host.AnonymousClient();
        serving.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            using var response = await serving.PostAsJsonAsync(path, record);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode == status && (status != 200 || body.Contains("model_version", StringComparison.Ordinal)))
            {
                return status == 200 ? JsonNode.Parse(body)!["model_version"]!.GetValue<string>() : null;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"POST {path}: expected {status}, last {(int)response.StatusCode} {body}");
            await Task.Delay(200);
        }
    }
}
