using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Contracts.Api;
using Platform.Host.Tests.Support;
using Platform.Serving;
using Platform.Serving.ControlPlane;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Deployments;

/// <summary>
/// The serving host's REST control-plane client against the real Api, with an Operator's personal access token, as a
/// separate serving process uses it: the desired state, the model file (its hash), and a monitoring report; and
/// refused without the Operator role.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class HttpControlPlaneTests(JobHost host)
{
    [Fact]
    public async Task A_serving_host_with_an_operator_token_reads_the_state_and_model_and_reports_through_the_real_api()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (model, dataset, endpoint) = ("remote-" + suffix, "remote-data-" + suffix, "remote-" + suffix);
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var run = await TrainAsync(scientist.Client, await UploadCsvAsync(scientist.Client, dataset, csv), "LightGbm", dataset);
        var v1 = (await RegisterAsync(scientist.Client, model, run, 201))["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist.Client, approver.Client, model, v1);
        await DeployAsync(operatorUser.Client, endpoint, model, new { version = v1, weight = 100 });
        var plane = Client(await TokenAsync(operatorUser.Client, "Operator"));

        var state = await plane.GetDesiredStateAsync(null, CancellationToken.None);
        Assert.NotNull(state);
        Assert.Null(await plane.GetDesiredStateAsync(state.Version, CancellationToken.None)); // unchanged: 304
        var served = Assert.Single(state.Endpoints, e => e.Name == endpoint);
        var version = Assert.Single(served.Versions);
        using var file = new MemoryStream();
        await plane.DownloadModelAsync(served.Workspace, model, v1, file, CancellationToken.None);
        Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(file.ToArray())));
        Assert.NotEmpty(version.Baseline);

        var now = DateTimeOffset.UtcNow;
        await plane.ReportMonitoringAsync(endpoint, new MonitoringReport(served.Revision, now.AddMinutes(-1), now, "remote-test",
            [new VersionMonitoring(v1, 42, 1, 0.3, 0.8, 1.2, 40, [new FeatureDrift("mean_radius", 0.01, 0.05, false)])]), CancellationToken.None);
        var monitoring = await operatorUser.Client.GetAsync($"/api/v1/deployments/{endpoint}/monitoring").ExpectAsync(200, "monitoring");
        Assert.Contains("remote-test", monitoring.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("mean_radius", monitoring.ToJsonString(), StringComparison.Ordinal);

        // A token without the Operator role cannot read what to serve.
        var viewer = Client(await TokenAsync(scientist.Client, "DataScientist"));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => viewer.GetDesiredStateAsync(null, CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, string role)
    {
        var created = await client.PostAsJsonAsync("/api/v1/tokens", new { name = "serving-host", roles = new[] { role }, expiresInDays = 1 }).ExpectAsync(201, "token");
        return created["secret"]!.GetValue<string>();
    }

    private HttpServingControlPlane Client(string token)
    {
        var clients = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = new ServingOptions { ControlPlane = new ControlPlaneOptions { ApiUrl = host.BaseAddress.ToString(), Token = token } };
        return new HttpServingControlPlane(clients, Options.Create(options));
    }
}
