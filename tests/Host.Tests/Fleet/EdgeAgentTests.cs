using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;
using Platform.Contracts.Fleet;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Fleet;

/// <summary>
/// The real edge agent, a child process, against the embedded host over a real (and cut) HTTP link: it enrols with a
/// one-time token, pulls a signed model, resumes its download after the link drops halfway, and serves the same
/// predictions as the data centre; the token's second use is refused; a tampered model file is refused, the device
/// keeps its version and the rollout rolls back.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class EdgeAgentTests(JobHost host, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task The_agent_enrols_pulls_a_signed_model_resumes_a_cut_download_predicts_as_the_data_centre_and_refuses_a_tampered_file()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (model, dataset, endpoint, site) = ("edge-" + suffix, "edge-data-" + suffix, "edge-dc-" + suffix, "plant-" + suffix);
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var run = await TrainAsync(scientist.Client, await UploadCsvAsync(scientist.Client, dataset, csv), "LightGbm", dataset);
        var v1 = (await RegisterAsync(scientist.Client, model, run, 201))["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist.Client, approver.Client, model, v1);
        await DeployAsync(operatorUser.Client, endpoint, model, new { version = v1, weight = 100 });
        var key = (await operatorUser.Client.PostAsJsonAsync($"/api/v1/deployments/{endpoint}/keys", new { name = "dc" }).ExpectAsync(201, "inference key"))["key"]!.GetValue<string>();
        var (v2, v2Sha) = await TamperableVersionAsync(scientist.Client, approver.Client, model, suffix);

        var token = await operatorUser.Client.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "edge test", labels = new { site } }).ExpectAsync(201, "enrolment token");
        var secret = token["secret"]!.GetValue<string>();
        await using var link = await CuttingProxy.StartAsync(host.BaseAddress);
        await using var agent = EdgeAgentProcess.Start(link.Address, secret, "gw-" + suffix, new Dictionary<string, string> { ["region"] = "eu-west" });

        var device = await WaitAsync(operatorUser.Client, $"/api/v1/fleet/devices?selector=site%3D{site}", d => d["items"]!.AsArray().Count == 1, agent, "the agent enrols");
        Assert.Equal("eu-west", device["items"]![0]!["labels"]!["region"]!.GetValue<string>());
        using (var thief = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var again = await host.AnonymousClient().PostAsJsonAsync(FleetApi.Enrol, new { token = secret, name = "thief", publicKey = Es256.PublicJwk(thief) }).ExpectAsync(409, "second use");
            Assert.Equal("enrolment.used", again["code"]!.GetValue<string>());
        }

        var first = await StartRolloutAsync(operatorUser.Client, model, v1, site);
        await WaitAsync(operatorUser.Client, $"/api/v1/fleet/rollouts/{first}", r => r["state"]!.GetValue<string>() == "Completed", agent, "the first rollout completes");

        Assert.Contains(link.FileRequests, r => r.Range is { } range && range.StartsWith("bytes=", StringComparison.Ordinal) && !range.StartsWith("bytes=0-", StringComparison.Ordinal) && r.Status == 206);
        Assert.Equal(1, link.Cuts);
        var rows = PredictRecords(csv).Take(20).ToList();
        var fromDataCentre = await PredictAsync(host.AnonymousClient(), $"/v2/models/{endpoint}/predict", key, rows);
        using var local = agent.CreateClient();
        var fromDevice = await PredictAsync(local, $"/v2/models/{model}/predict", null, rows);
        output.WriteLine(fromDevice[0]);
        Assert.Equal(fromDataCentre, fromDevice);

        await File.WriteAllBytesAsync(BlobPath(v2Sha), RandomNumberGenerator.GetBytes(4096));
        var second = await StartRolloutAsync(operatorUser.Client, model, v2, site);
        var rolledBack = await WaitAsync(operatorUser.Client, $"/api/v1/fleet/rollouts/{second}", r => r["state"]!.GetValue<string>() == "RolledBack", agent, "the tampered rollout rolls back");
        output.WriteLine(rolledBack["reason"]!.GetValue<string>());
        var touched = await operatorUser.Client.GetAsync($"/api/v1/fleet/rollouts/{second}/devices").ExpectAsync(200, "rollout devices");
        output.WriteLine(touched.ToJsonString());
        Assert.Equal("RolledBack", touched["items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(fromDevice, await PredictAsync(local, $"/v2/models/{model}/predict", null, rows));
    }

    /// <summary>A second version whose file nobody else shares (a tiny model with an input named for this test), approved into Production.</summary>
    private static async Task<(int Version, string Sha256)> TamperableVersionAsync(HttpClient scientist, HttpClient approver, string model, string suffix)
    {
        var run = await TrainingRequests.NewRunAsync(scientist);
        await scientist.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent(TinyOnnxModel.Bytes("edge_" + suffix))).ExpectAsync(200, "tiny model");
        var registered = await RegisterAsync(scientist, model, run, 201);
        var version = registered["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist, approver, model, version);
        return (version, registered["artifactSha256"]!.GetValue<string>());
    }

    private static async Task<string> StartRolloutAsync(HttpClient operatorClient, string model, int version, string site)
    {
        var started = await operatorClient.PostAsJsonAsync("/api/v1/fleet/rollouts", new
        {
            model, version, selector = $"site={site}", waves = new[] { new { percent = 100 } },
            gate = new { minReportingPercent = 100, maxFailurePercent = 0, timeoutSeconds = 120 }, healthCheck = new { windowSeconds = 1 }, onFailure = "Rollback",
        }).ExpectAsync(201, "start a rollout");
        return started["id"]!.GetValue<string>();
    }

    /// <summary>Each row's prediction as JSON text (the serving version's name and timings left out).</summary>
    private static async Task<List<string>> PredictAsync(HttpClient client, string path, string? key, IReadOnlyList<JsonObject> rows)
    {
        var predictions = new List<string>();
        foreach (var row in rows)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(row) };
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            var body = (await client.SendAsync(request).ExpectAsync(200, "predict"))!.AsObject();
            body.Remove("model_version");
            body.Remove("model_name");
            body.Remove("id");
            predictions.Add(body.ToJsonString());
        }

        return predictions;
    }

    private string BlobPath(string sha256) =>
        Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "artifacts", "sha256", sha256[..2], sha256[2..4], sha256);

    private static async Task<JsonNode> WaitAsync(HttpClient client, string path, Func<JsonNode, bool> done, EdgeAgentProcess agent, string what)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var body = await client.GetAsync(path).ExpectAsync(200, what);
            if (done(body))
            {
                return body;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"{what}: not within {Deadline.TotalSeconds} s; last {body.ToJsonString()}\nagent:\n{agent.Output}");
            await Task.Delay(500);
        }
    }
}
