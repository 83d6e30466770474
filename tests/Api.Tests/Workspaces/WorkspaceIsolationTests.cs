using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Deployments;
using Platform.Domain.Fleet;

namespace Platform.Api.Tests.Workspaces;

/// <summary>
/// Isolation between workspaces, over every mapped endpoint (read from the app's endpoint data source, so a new
/// endpoint cannot be forgotten): a member of workspace A who names a resource of workspace B gets exactly what a
/// resource that does not exist gets (404, never 403), each list in A holds none of B's items, and B itself is 404.
/// </summary>
public sealed partial class WorkspaceIsolationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task A_member_of_one_workspace_finds_nothing_of_another_through_any_endpoint()
    {
        var (a, b, alice) = await ArrangeAsync();
        var theirs = await FillAsync(b, "b-only");
        var nothing = Resources.Missing();

        var failures = new List<string>();
        var compared = 0;
        foreach (var (method, pattern) in WorkspaceEndpoints())
        {
            foreach (var prefix in new[] { $"/api/v1/workspaces/{a.Name}/", "/api/v1/" })
            {
                var rest = pattern["/api/v1/workspaces/{workspace}/".Length..];
                if (!NamesAResource(rest))
                {
                    if (method == "GET")
                    {
                        var listed = await alice.GetAsync(prefix + rest + "?q=b-only&search=b-only&name=b-only");
                        var page = await listed.Content.ReadAsStringAsync();
                        if ((int)listed.StatusCode >= 500 || theirs.Markers.FirstOrDefault(page.Contains) is not null)
                        {
                            failures.Add($"{method} {prefix}{rest}: {(int)listed.StatusCode}, shows B's {theirs.Markers.FirstOrDefault(page.Contains)}");
                        }
                    }

                    continue;
                }

                var (toTheirs, unmapped) = Fill(rest, theirs);
                if (unmapped is not null)
                {
                    failures.Add($"{method} {pattern}: no value for {{{unmapped}}}; teach this test what it names");
                    continue;
                }

                var (toNothing, _) = Fill(rest, nothing);
                var (seen, body) = await SendAsync(alice, method, prefix + toTheirs);
                var (missing, _) = await SendAsync(alice, method, prefix + toNothing);
                compared++;
                var shown = seen < HttpStatusCode.BadRequest ? theirs.Markers.FirstOrDefault(body.Contains) : null;
                if (seen != missing || shown is not null)
                {
                    failures.Add($"{method} {prefix}{toTheirs}: {(int)seen} for B's resource, {(int)missing} for none{(shown is null ? "" : ", shows " + shown)}");
                }
            }
        }

        Assert.True(compared > 80, $"only {compared} calls named a resource: the endpoint enumeration found too little");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_workspace_is_404_to_a_non_member_on_each_of_its_paths_and_a_download_link_of_its_resource_is_refused()
    {
        var (_, b, alice) = await ArrangeAsync();
        var theirs = await FillAsync(b, "b-link");

        foreach (var path in new[] { "experiments", $"runs/{theirs.Run}", "models", "datasets", "jobs", "webhooks", "search?q=x" })
        {
            var problem = await (await alice.GetAsync($"/api/v1/workspaces/{b.Name}/{path}")).ExpectAsync(404);
            Assert.Contains(b.Name, problem["detail"]!.GetValue<string>());
        }

        var link = await alice.PostJsonAsync("/api/v1/downloads", new { kind = "RunArtifact", runId = theirs.Run, path = "model.onnx" });
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
    }

    [Fact]
    public async Task The_same_names_live_in_two_workspaces_each_on_its_own()
    {
        var (a, b, _) = await ArrangeAsync();

        var inA = await FillAsync(a, "churn");
        var inB = await FillAsync(b, "churn");

        Assert.NotEqual(inA.Experiment, inB.Experiment);
        foreach (var (space, mine, other) in new[] { (a, inA, inB), (b, inB, inA) })
        {
            var experiments = (await (await space.Client.GetAsync("/api/v1/experiments?name=churn")).ExpectAsync(200))["items"]!.AsArray();
            Assert.Equal([mine.Experiment], experiments.Select(e => e!["id"]!.GetValue<string>()));
            var version = await (await space.Client.GetAsync($"/api/v1/models/{mine.Model}/versions/1")).ExpectAsync(200);
            Assert.Contains(mine.Run, version["lineage"]!.ToJsonString());
            var dataset = await (await space.Client.GetAsync($"/api/v1/datasets/{mine.Dataset}/versions/1")).ExpectAsync(200);
            Assert.Equal(1, dataset["version"]!.GetValue<int>());
            await (await space.Client.GetAsync($"/api/v1/runs/{other.Run}")).ExpectAsync(404);
        }
    }

    /// <summary>Two new workspaces (the platform admin administers both) and a user who is Admin of the first only.</summary>
    private async Task<(Space A, Space B, HttpClient Alice)> ArrangeAsync()
    {
        using var admin = await factory.AdminAsync();
        var adminToken = await factory.TokenAsync(ApiFactory.AdminUser, ApiFactory.AdminPassword);
        var (a, b) = ("iso-a-" + Guid.NewGuid().ToString("N")[..8], "iso-b-" + Guid.NewGuid().ToString("N")[..8]);
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = a })).ExpectAsync(201);
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = b })).ExpectAsync(201);
        var alice = "alice-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/users", new { userName = alice, password = Password, roles = new[] { "Viewer" } })).ExpectAsync(201);
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{a}/members/{alice}", new { roles = new[] { "Admin" } })).ExpectAsync(200);
        var aliceToken = await factory.TokenAsync(alice, Password);
        return (new Space(a, factory.InWorkspace(adminToken, a)), new Space(b, factory.InWorkspace(adminToken, b)), factory.Authorized(aliceToken));
    }

    /// <summary>An experiment with a run (a param, a metric, a tag, an ONNX artefact), two model versions from it (the first with an alias and a tag), a promotion request, a dataset, a job, a webhook, an enrolment token, a device, a rollout and a federation.</summary>
    private async Task<Resources> FillAsync(Space space, string name)
    {
        var client = space.Client;
        var experiment = await client.CreateExperimentAsync(name);
        var run = await client.CreateRunAsync(experiment, new { @params = new Dictionary<string, string> { ["lr"] = "0.1" }, tags = new Dictionary<string, string> { ["team"] = name } });
        await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = new[] { new { key = "auc", value = 0.9, step = 0 } } })).ExpectAsync(200);
        await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent(TinyOnnxModel.Bytes("x")))).ExpectAsync(200);
        await (await client.PostJsonAsync($"/api/v1/models/{name}/versions", new { runId = run })).ExpectAsync(201);
        await (await client.PostJsonAsync($"/api/v1/models/{name}/versions", new { runId = run })).ExpectAsync(201); // its audit event names the version (the first names the new model)
        var registered = await (await client.GetAsync("/api/v1/audit?entityType=ModelVersion&limit=1")).ExpectAsync(200);
        var version = registered["items"]!.AsArray().FirstOrDefault()?["entityId"]?.GetValue<string>() ?? throw new InvalidOperationException(registered.ToJsonString());
        await (await client.PutJsonAsync($"/api/v1/models/{name}/aliases/champion", new { version = 1 })).ExpectAsync(200);
        await (await client.PutJsonAsync($"/api/v1/models/{name}/versions/1/tags/owner", new { value = name })).ExpectAsync(200);
        var promotion = (await (await client.PostJsonAsync($"/api/v1/models/{name}/versions/1/promotions", new { targetStage = "Staging", justification = "ready" })).ExpectAsync(201))["id"]!.GetValue<string>();
        var csv = new StringContent("a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n", Encoding.UTF8, "text/csv");
        await (await client.PostAsync($"/api/v1/datasets/{name}/versions", csv)).ExpectAsync(201);
        var job = (await (await client.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters = new { } })).ExpectAsync(202))["id"]!.GetValue<string>();
        var webhook = (await (await client.PostJsonAsync("/api/v1/webhooks", new { name, url = "http://127.0.0.1:9/hooks" })).ExpectAsync(201))["subscription"]!["id"]!.GetValue<string>();
        var enrolment = await (await client.PostJsonAsync("/api/v1/fleet/enrolment-tokens", new { name })).ExpectAsync(201);
        using var device = factory.NewDevice();
        await device.EnrolledAsync(enrolment["secret"]!.GetValue<string>(), name + "-" + Guid.NewGuid().ToString("N")[..6]);
        var rollout = await RolloutAsync(space.Name, name);
        var federation = (await (await client.PostJsonAsync("/api/v1/federations", new { experimentId = experiment, name, plan = new { dataset = name, labelColumn = "label" } })).ExpectAsync(201))["id"]!.GetValue<string>();
        return new Resources(
            experiment, run, job, webhook, promotion, version, name, name, name, device.Id.ToString(), enrolment["token"]!["id"]!.GetValue<string>(), rollout, federation);
    }

    /// <summary>
    /// A rollout of the model's first version, stored directly (the arrangement skips its approval, which would need a
    /// second approver in each workspace): what matters here is who can find it.
    /// </summary>
    private async Task<string> RolloutAsync(string workspace, string model)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IPlatformDbContext>();
        var space = await db.Workspaces.SingleAsync(w => w.Name == workspace);
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(space.Id, space.Name, Platform.Domain.Identity.Role.Admin);
        var registered = await db.RegisteredModels.SingleAsync(m => m.Name == model);
        var first = await db.ModelVersions.SingleAsync(v => v.ModelId == registered.Id && v.Number == 1);
        var rollout = Rollout.Start(
            registered.Id, model, first.Id, 1, DeploymentEnvironment.Staging, LabelSelector.Parse(""), 1, [new Wave(100, null)], null, null, null,
            FailurePolicy.Pause, new Platform.Domain.Governance.Actor(null, "isolation-test"), DateTimeOffset.UtcNow);
        rollout.Pause("held for the isolation test");
        db.Rollouts.Add(rollout);
        await db.SaveChangesAsync(CancellationToken.None);
        return rollout.Id.ToString();
    }

    private sealed record Space(string Name, HttpClient Client);

    private sealed record Resources(
        string Experiment, string Run, string Job, string Webhook, string Promotion, string ModelVersion, string Model, string Dataset, string Deployment,
        string Device, string EnrolmentToken, string Rollout, string Federation)
    {
        public string Unknown { get; } = Guid.NewGuid().ToString();

        /// <summary>What would show that one of these leaked into a list: its ids and its own names.</summary>
        public string[] Markers => [Experiment, Run, Job, Webhook, Promotion, ModelVersion, Model, Device, EnrolmentToken, Rollout, Federation];

        public static Resources Missing() =>
            new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(),
                Guid.NewGuid().ToString(), "none-model", "none-data", "none-deployment", Guid.NewGuid().ToString(), Guid.NewGuid().ToString(),
                Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
    }
}
