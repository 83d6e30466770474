using System.Net.Http.Headers;
using Platform.Contracts.Api;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.ControlPlane;

/// <summary>
/// One host serving two workspaces' deployments of one name: each at its own address, its file fetched from its own
/// workspace and its reports sent there.
/// </summary>
public sealed class WorkspaceEndpointsTests
{
    [Fact]
    public async Task Deployments_of_one_name_in_two_workspaces_are_served_side_by_side_and_report_to_their_own_workspace()
    {
        await using var plane = await TestControlPlane.StartAsync();
        var drift = DriftPolicy.Default with { IntervalSeconds = 1 };
        var home = ControlPlaneStates.Endpoint(plane, "churn", 1, null, drift, null, (1, 100, false));
        var elsewhere = home with
        {
            DeploymentId = Guid.NewGuid(),
            Workspace = "fraud",
            Versions = [new ServingVersionState(2, 100, false, plane.AddFile("cancer-model", 2, TestModel.Bytes, "fraud"), [])],
        };
        plane.State = new ServingDesiredState(1, [home, elsewhere]);

        await using var host = await ServingHost.StartAsync(settings: plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName));
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the host to apply the control plane's state");
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);

        Assert.Equal(["churn", "fraud/churn"], host.State.Current.Endpoints.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1", await VersionAsync(host, "/v2/models/churn/predict"));
        Assert.Equal("1", await VersionAsync(host, "/workspaces/default/v2/models/churn/predict"));
        Assert.Equal("2", await VersionAsync(host, "/workspaces/fraud/v2/models/churn/predict"));
        var (missing, _) = await host.Client.PostAsync("/workspaces/marketing/v2/models/churn/predict", Requests.Records(TestModel.Row(0)));
        Assert.Equal(404, missing);
        using (var metadata = await host.Client.GetAsync("/workspaces/fraud/v2/models/churn/ready"))
        {
            Assert.Equal(200, (int)metadata.StatusCode);
        }

        await TestControlPlane.WaitUntilAsync(() => plane.Monitoring.Any(m => m.Endpoint == "fraud/churn"), "a monitoring report sent to the fraud workspace");
    }

    private static async Task<string> VersionAsync(ServingHost host, string path)
    {
        var (status, response) = await host.Client.PostAsync(path, Requests.Records(TestModel.Row(0)));
        Assert.True(status == 200, $"POST {path}: {status} {response.ToJsonString()}");
        return response["model_version"]!.GetValue<string>();
    }
}
