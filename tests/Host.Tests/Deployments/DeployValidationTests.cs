using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Api.Tests.Support;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Deployments;

/// <summary>
/// The deploy job's checks on the real worker: a model with no training data runs on zeros; a version whose inputs
/// differ from the active version's fails its job with a reason naming both, and the traffic stays where it was.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class DeployValidationTests(JobHost host)
{
    [Fact]
    public async Task A_version_whose_inputs_differ_from_the_active_one_fails_its_deploy_job_and_the_traffic_stays()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        var (model, endpoint) = ("identity-" + Guid.NewGuid().ToString("N")[..6], "identity-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var input in new[] { "x", "z" })
        {
            var version = (await UploadAsync(scientist.Client, model, TinyOnnxModel.Bytes(input)))["version"]!.GetValue<int>();
            var request = await RequestAsync(scientist.Client, model, version, "Production", 201);
            await DecideAsync(approver.Client, request["id"]!.GetValue<string>(), approve: true, "ok").ExpectAsync(200, $"approve v{version}");
        }

        var first = await DeployAsync(operatorUser.Client, endpoint, model, "Succeeded", new { version = 1, weight = 100 });
        var second = await DeployAsync(operatorUser.Client, endpoint, model, "Failed", new { version = 1, weight = 90 }, new { version = 2, weight = 10, canary = true });

        Assert.Equal("Succeeded", JobRequests.State(first));
        Assert.Contains("Version 2's inputs (z Float[1]) are not those of active version 1 (x Float[1])", second["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var deployment = await operatorUser.Client.GetAsync($"/api/v1/deployments/{endpoint}").ExpectAsync(200, "deployment");
        Assert.Equal(1, deployment["active"]!["number"]!.GetValue<int>());
        Assert.Equal("zeros", deployment["active"]!["validation"]!["versions"]![0]!["sample"]!.GetValue<string>());
        var revisions = await operatorUser.Client.GetAsync($"/api/v1/deployments/{endpoint}/revisions").ExpectAsync(200, "revisions");
        Assert.Equal("Failed", revisions["items"]![0]!["state"]!.GetValue<string>());
        Assert.Contains("are not those of active version 1", revisions["items"]![0]!["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Task<System.Text.Json.Nodes.JsonNode> UploadAsync(HttpClient client, string model, byte[] onnx)
    {
        var file = new ByteArrayContent(onnx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/api/v1/models/{model}/versions/upload", new MultipartFormDataContent { { file, "file", "identity.onnx" } })
            .ExpectAsync(201, "upload");
    }

    /// <summary>PUT the desired state, expect 202 and wait for the deploy job to end as <paramref name="expected"/>; answers the job.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> DeployAsync(HttpClient client, string endpoint, string model, string expected, params object[] versions)
    {
        var change = await client.PutAsJsonAsync($"/api/v1/deployments/{endpoint}",
            new { model, environment = "Production", versions, reason = "release" }).ExpectAsync(202, "deploy");
        var ended = await client.WaitUntilEndedAsync(change["job"]!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
        Assert.True(JobRequests.State(ended) == expected, $"deploy job ended {JobRequests.State(ended)}, expected {expected}: {ended["reason"]}");
        return ended;
    }
}
