using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Deployments;

/// <summary>
/// The Api for the deployment tests (no worker runs in it): a data scientist registers versions, an approver approves
/// them into a stage, an operator deploys; a deploy job is claimed and ended here as a worker would, with its token.
/// </summary>
public sealed class DeploymentsApiFactory : ApiFactory
{
    private readonly Lazy<Task<(HttpClient Scientist, HttpClient Approver, HttpClient Operator)>> _users;

    public DeploymentsApiFactory()
    {
        _users = new(async () => (await UserAsync("DataScientist"), await UserAsync("Approver"), await UserAsync("Operator")));
    }

    public async Task<HttpClient> OperatorAsync() => (await _users.Value).Operator;

    public async Task<HttpClient> ScientistAsync() => (await _users.Value).Scientist;

    /// <summary>Registers the model's next version and, unless <paramref name="stage"/> is null, has it approved into that stage.</summary>
    public async Task<int> VersionAsync(string model, string? stage = "Production", string input = "x")
    {
        var (scientist, approver, _) = await _users.Value;
        var version = await scientist.RegisterVersionAsync(model, input);
        if (stage is not null)
        {
            var request = await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/{version}/promotions", new { targetStage = stage, justification = "tested" })).ExpectAsync(201);
            var decided = await (await approver.PostJsonAsync($"/api/v1/promotions/{request["id"]}/approve", new { comment = "ok" })).ExpectAsync(200);
            Assert.Equal("Approved", decided["status"]!.GetValue<string>());
        }

        return version;
    }

    /// <summary>PUT a deployment's desired state and answers the body, checking the status.</summary>
    public async Task<JsonNode> PutAsync(string name, object body, int status) =>
        await (await (await OperatorAsync()).PutJsonAsync($"/api/v1/deployments/{name}", body)).ExpectAsync(status);

    public static object Body(string model, params object[] versions) =>
        new { model, environment = "Production", hardwareClass = "cpu", versions, reason = "release" };

    /// <summary>Claims the deploy job as a worker and ends it, as the worker does (its result is what it measured).</summary>
    public async Task EndDeployJobAsync(JsonNode change, string outcome, string? result = null, string? reason = null)
    {
        var jobId = Guid.Parse(change["job"]!["id"]!.GetValue<string>());
        using var worker = Authorized((await ClaimAsWorkerAsync(jobId)).Token);
        var end = await (await worker.PostJsonAsync($"/api/v1/jobs/{jobId}/end", new { outcome, reason, resultJson = result })).ExpectAsync(200);
        Assert.True(end["changed"]!.GetValue<bool>());
    }

    /// <summary>Deploys <paramref name="versions"/> and has the deploy job succeed: the revision is active.</summary>
    public async Task<JsonNode> DeployActiveAsync(string name, string model, params object[] versions)
    {
        var change = await PutAsync(name, Body(model, versions), 202);
        await EndDeployJobAsync(change, "Succeeded", """{"versions":[]}""");
        var deployment = await (await (await OperatorAsync()).GetAsync($"/api/v1/deployments/{name}")).ExpectAsync(200);
        Assert.Equal("Active", deployment["active"]!["state"]!.GetValue<string>());
        return deployment;
    }

    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    protected override void Dispose(bool disposing)
    {
        if (disposing && _users.IsValueCreated && _users.Value.IsCompletedSuccessfully)
        {
            var (a, b, c) = _users.Value.Result;
            a.Dispose();
            b.Dispose();
            c.Dispose();
        }

        base.Dispose(disposing);
    }
}
