using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Application.Common.Interfaces;
using Platform.Contracts.Api;
using static Platform.Api.Tests.Deployments.DeploymentsApiFactory;

namespace Platform.Api.Tests.Deployments;

/// <summary>What serving hosts read and report: desired state, inference keys, canary rollbacks, monitoring.</summary>
public sealed class ServingControlPlaneTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    [Fact]
    public async Task An_inference_key_is_shown_once_stored_as_its_sha256_carried_in_the_desired_state_until_revoked()
    {
        var model = NewName("m");
        var name = NewName("keys");
        await factory.DeployActiveAsync(name, model, new { version = await factory.VersionAsync(model), weight = 100 });
        var client = await factory.OperatorAsync();

        var created = await (await client.PostJsonAsync($"/api/v1/deployments/{name}/keys", new { name = "checkout service" })).ExpectAsync(201);
        var key = created["key"]!.GetValue<string>();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

        Assert.StartsWith("psk_", key, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(key[4..].Replace('-', '+').Replace('_', '/') + "=").Length);
        var listed = await (await client.GetAsync($"/api/v1/deployments/{name}/keys")).ExpectAsync(200);
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(key[..12], listed["items"]![0]!["prefix"]!.GetValue<string>());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IPlatformDbContext>().InferenceKeys.SingleAsync(k => k.Name == "checkout service" && k.Prefix == key.Substring(0, 12));
            Assert.Equal(hash, stored.KeyHash);
        }

        Assert.Contains(hash, await KeyHashesAsync(client, name));
        await (await client.DeleteAsync($"/api/v1/deployments/{name}/keys/{created["id"]}")).ExpectAsync(204);
        Assert.DoesNotContain(hash, await KeyHashesAsync(client, name));
        Assert.NotNull((await (await client.GetAsync($"/api/v1/deployments/{name}/keys")).ExpectAsync(200))["items"]![0]!["revokedAt"]);
    }

    [Fact]
    public async Task A_canary_rollback_report_activates_the_trimmed_revision_once_and_a_repeat_changes_nothing()
    {
        var model = NewName("m");
        var (v1, v2) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var name = NewName("canary");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true });
        var client = await factory.OperatorAsync();
        var before = (await (await client.GetAsync(ServingControlPlaneApi.DesiredState)).ExpectAsync(200))["version"]!.GetValue<long>();
        var report = new CanaryRollbackReport(1, v2, "error rate over the limit", 200, 120, 0.6, 35.5,
            DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow, "serving-a");

        var first = await (await client.PostJsonAsync(ServingControlPlaneApi.CanaryRollback(ServingControlPlaneApi.DefaultWorkspace, name), report)).ExpectAsync(200);
        var repeat = await (await client.PostJsonAsync(ServingControlPlaneApi.CanaryRollback(ServingControlPlaneApi.DefaultWorkspace, name), report)).ExpectAsync(200);

        Assert.True(first["changed"]!.GetValue<bool>());
        Assert.False(repeat["changed"]!.GetValue<bool>());
        var active = repeat["deployment"]!["active"]!;
        Assert.Equal((2, "CanaryRollback", 1), (active["number"]!.GetValue<int>(), active["kind"]!.GetValue<string>(), active["rollbackOf"]!.GetValue<int>()));
        Assert.Equal($"[{{\"version\":{v1},\"weight\":100,\"canary\":false}}]", active["versions"]!.ToJsonString());
        Assert.Equal(120, active["report"]!["errors"]!.GetValue<long>());
        var revisions = await (await client.GetAsync($"/api/v1/deployments/{name}/revisions")).ExpectAsync(200);
        Assert.Equal(2, revisions["items"]!.AsArray().Count);
        var state = await (await client.GetAsync(ServingControlPlaneApi.DesiredState)).ExpectAsync(200);
        Assert.True(state["version"]!.GetValue<long>() > before);
        var endpoint = state["endpoints"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == name)!;
        Assert.Equal(2, endpoint["revision"]!.GetValue<int>());

        using var admin = await factory.AdminAsync();
        var audit = await (await admin.GetAsync("/api/v1/audit?action=ReportCanaryRollback&limit=500")).ExpectAsync(200);
        var events = audit["items"]!.AsArray().Where(e => e!["summary"]!.ToJsonString().Contains(name, StringComparison.Ordinal)).ToList();
        Assert.Single(events);
        Assert.Contains("error rate 0.6 (120 of 200 requests)", events[0]!["summary"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_keeps_the_latest_figures_per_version_and_shows_the_drift_alert()
    {
        var model = NewName("m");
        var v1 = await factory.VersionAsync(model);
        var name = NewName("watched");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 100 });
        var client = await factory.OperatorAsync();
        var now = DateTimeOffset.UtcNow;

        await Send(client, name, new MonitoringReport(1, now.AddMinutes(-2), now.AddMinutes(-1), "serving-a",
            [new VersionMonitoring(v1, 100, 1, 1.5, 2.5, 3.5, 50, [new FeatureDrift("x", 0.01, 0.02, false)])]));
        await Send(client, name, new MonitoringReport(1, now.AddMinutes(-1), now, "serving-a",
            [new VersionMonitoring(v1, 40, 4, 1.0, 2.0, 3.0, 40, [new FeatureDrift("x", 0.9, 0.5, true)])]));

        using var viewer = await factory.UserAsync("Viewer");
        var monitoring = await (await viewer.GetAsync($"/api/v1/deployments/{name}/monitoring")).ExpectAsync(200);
        Assert.True(monitoring["driftAlert"]!.GetValue<bool>());
        var latest = monitoring["versions"]!.AsArray().Single()!;
        Assert.Equal((40L, 0.1, 0.9), (latest["requests"]!.GetValue<long>(), latest["errorRate"]!.GetValue<double>(), latest["drift"]![0]!["psi"]!.GetValue<double>()));
        await using var scope = factory.Services.CreateAsyncScope();
        var alerts = await scope.ServiceProvider.GetRequiredService<IPlatformDbContext>().PlatformEvents
            .Where(e => e.Type == "deployment.drift.alert").Select(e => e.PayloadJson).ToListAsync();
        Assert.Single(alerts, p => p.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_desired_state_carries_its_version_as_an_etag_and_answers_304_until_a_change()
    {
        var model = NewName("m");
        var name = NewName("etag");
        await factory.DeployActiveAsync(name, model, new { version = await factory.VersionAsync(model), weight = 100 });
        var client = await factory.OperatorAsync();
        using var first = await client.GetAsync(ServingControlPlaneApi.DesiredState);
        var version = (await first.ExpectAsync(200))["version"]!.GetValue<long>();
        Assert.Equal($"\"{version}\"", first.Headers.ETag?.ToString());

        using var unchanged = await ConditionalAsync(client, $"\"{version}\"");
        Assert.Equal(304, (int)unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{version}\"", unchanged.Headers.ETag?.ToString());
        foreach (var other in new[] { $"\"{version - 1}\"", "*", "not-an-etag", $"\"{version}\", \"1\"" })
        {
            using var full = await ConditionalAsync(client, other);
            Assert.Equal(200, (int)full.StatusCode);
        }

        await (await client.PostJsonAsync($"/api/v1/deployments/{name}/keys", new { name = "new key" })).ExpectAsync(201);
        using var changed = await ConditionalAsync(client, $"\"{version}\"");
        Assert.True((await changed.ExpectAsync(200))["version"]!.GetValue<long>() > version);

        using var scientist = await factory.UserAsync("DataScientist");
        using var refused = await ConditionalAsync(scientist, $"\"{version}\"");
        Assert.Equal(403, (int)refused.StatusCode); // the role check comes before the version check
    }

    [Fact]
    public async Task Each_endpoint_in_the_desired_state_carries_its_own_models_file_and_keys()
    {
        var (first, second) = (NewName("m"), NewName("m"));
        var (v1, v2) = (await factory.VersionAsync(first), await factory.VersionAsync(second, input: "features"));
        var (a, b) = (NewName("pair-a"), NewName("pair-b"));
        await factory.DeployActiveAsync(a, first, new { version = v1, weight = 100 });
        await factory.DeployActiveAsync(b, second, new { version = v2, weight = 100 });
        var client = await factory.OperatorAsync();
        await (await client.PostJsonAsync($"/api/v1/deployments/{a}/keys", new { name = "a only" })).ExpectAsync(201);

        var state = await (await client.GetAsync(ServingControlPlaneApi.DesiredState)).ExpectAsync(200);
        var endpoints = state["endpoints"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!);
        foreach (var (endpoint, model, version, keys) in new[] { (a, first, v1, 1), (b, second, v2, 0) })
        {
            var registered = await (await client.GetAsync($"/api/v1/models/{model}/versions/{version}")).ExpectAsync(200);
            Assert.Equal(model, endpoints[endpoint]["model"]!.GetValue<string>());
            Assert.Equal(registered["artifactSha256"]!.GetValue<string>(), endpoints[endpoint]["versions"]![0]!["sha256"]!.GetValue<string>());
            Assert.Equal(keys, endpoints[endpoint]["inferenceKeyHashes"]!.AsArray().Count);
        }

        Assert.NotEqual(endpoints[a]["versions"]![0]!["sha256"]!.ToJsonString(), endpoints[b]["versions"]![0]!["sha256"]!.ToJsonString());
    }

    private static async Task<HttpResponseMessage> ConditionalAsync(HttpClient client, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ServingControlPlaneApi.DesiredState);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    private static async Task Send(HttpClient client, string name, MonitoringReport report) =>
        await (await client.PostJsonAsync(ServingControlPlaneApi.Monitoring(ServingControlPlaneApi.DefaultWorkspace, name), report)).ExpectAsync(200);

    private static async Task<List<string>> KeyHashesAsync(HttpClient client, string name)
    {
        var state = await (await client.GetAsync(ServingControlPlaneApi.DesiredState)).ExpectAsync(200);
        var endpoint = state["endpoints"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == name)!;
        return [.. endpoint["inferenceKeyHashes"]!.AsArray().Select(h => h!.GetValue<string>())];
    }
}
