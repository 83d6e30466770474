using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Deployments;

/// <summary>
/// Issue 7's must-show on the real embedded host: the Api's deployments, its worker's deploy jobs and its serving
/// surface following them in process. v1 at 100 %, then a 10 % canary v2: of 2,000 requests v2's share is within
/// binomial tolerance of 10 %; v2 made to fail: the host rolls it back by itself, the Api records the rollback
/// revision, audits it and notifies the model's watchers; every request is answered.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class CanaryServingTests(JobHost host, ITestOutputHelper output)
{
    private const int RequestCount = 2_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_canary_gets_its_share_and_when_it_fails_is_rolled_back_audited_and_notified_with_every_request_answered()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        using var admin = await host.UserAsync("Admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (model, dataset, endpoint) = ("canaried-" + suffix, "canary-data-" + suffix, "canary-" + suffix);
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var run = await TrainAsync(scientist.Client, await UploadCsvAsync(scientist.Client, dataset, csv), "LightGbm", dataset);
        var v1 = (await RegisterAsync(scientist.Client, model, run, 201))["version"]!.GetValue<int>();
        var v2 = (await RegisterAsync(scientist.Client, model, run, 201))["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist.Client, approver.Client, model, v1);
        await ApproveIntoProductionAsync(scientist.Client, approver.Client, model, v2);
        var drift = new { psiThreshold = 0.2, ksThreshold = 0.2, minSamples = 200, intervalSeconds = 1 };
        await DeployWithDriftAsync(operatorUser.Client, endpoint, model, drift, new { version = v1, weight = 100 });
        var key = await operatorUser.Client.PostAsJsonAsync($"/api/v1/deployments/{endpoint}/keys", new { name = "test" }).ExpectAsync(201, "inference key");
        using var serving = host.AnonymousClient();
        serving.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key["key"]!.GetValue<string>());
        serving.DefaultRequestHeaders.Add("X-Serving-Admin-Key", JobHost.ServingAdminKey);

        await DeployWithDriftAsync(operatorUser.Client, endpoint, model, drift, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true });
        await WaitUntilAsync(async () => Weights(await ServedAsync(serving, endpoint)) == "90,10", "the host serving the canary revision");
        var rows = PredictRecords(csv);

        var shares = new ConcurrentDictionary<string, int>();
        Assert.Empty(await PredictAsync(serving, endpoint, rows, shares));
        var canaryShare = shares.GetValueOrDefault(v2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine($"v{v2} (canary) answered {canaryShare} of {RequestCount}");
        var sigma = Math.Sqrt(RequestCount * 0.1 * 0.9);
        Assert.InRange(canaryShare, RequestCount * 0.1 - (4 * sigma), RequestCount * 0.1 + (4 * sigma));
        var monitoring = await WaitUntilAsync(() => operatorUser.Client.GetAsync($"/api/v1/deployments/{endpoint}/monitoring").ExpectAsync(200, "monitoring"),
            m => m.ToJsonString().Contains("\"psi\"", StringComparison.Ordinal), "a monitoring report with drift figures");
        output.WriteLine(monitoring.ToJsonString());
        Assert.DoesNotContain("\"alert\":true", monitoring.ToJsonString(), StringComparison.Ordinal);

        await using var notifications = host.HubConnection(operatorUser.Token, HttpTransportType.LongPolling, "hubs/notifications");
        var events = new ConcurrentQueue<string>();
        notifications.On<JsonObject>("Notification", e => events.Enqueue(e["type"]!.GetValue<string>()));
        await notifications.StartAsync();
        await notifications.InvokeAsync("SubscribeToModel", model);
        using (var fault = await serving.PutAsJsonAsync("/v2/admin/faults", new { endpoint, version = v2.ToString(System.Globalization.CultureInfo.InvariantCulture), errorRate = 1.0, addedLatencyMs = 0 }))
        {
            Assert.Equal(200, (int)fault.StatusCode);
        }

        var afterFault = new ConcurrentDictionary<string, int>();
        var failures = await PredictAsync(serving, endpoint, rows, afterFault);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {RequestCount} requests were not answered 200, e.g. {failures.FirstOrDefault()}");
        Assert.Equal(RequestCount, afterFault.Values.Sum());

        var deployment = await WaitUntilAsync(() => operatorUser.Client.GetAsync($"/api/v1/deployments/{endpoint}").ExpectAsync(200, "deployment"),
            d => d["active"]!["kind"]!.GetValue<string>() == "CanaryRollback", "the Api recording the host's canary rollback");
        Assert.Equal([v1], deployment["active"]!["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        await WaitUntilAsync(async () => Weights(await ServedAsync(serving, endpoint)) == "100", "the host serving the rollback revision");
        var audit = await admin.Client.GetAsync("/api/v1/audit?action=ReportCanaryRollback&limit=500").ExpectAsync(200, "audit");
        var recorded = audit["items"]!.AsArray().Single(e => e!["summary"]!.ToJsonString().Contains(endpoint, StringComparison.Ordinal))!;
        output.WriteLine(recorded.ToJsonString());
        Assert.Equal("serving (embedded)", recorded["actor"]!.GetValue<string>());
        await WaitUntilAsync(() => Task.FromResult(events.Contains("deployment.canary.rolledBack")), "the notification deployment.canary.rolledBack");
    }

    private static string Weights(JsonNode served) => string.Join(",", served["versions"]!.AsArray().Where(v => v!["weight"]!.GetValue<int>() > 0).Select(v => v!["weight"]!.GetValue<int>()));

    private static async Task<JsonNode> ServedAsync(HttpClient serving, string endpoint)
    {
        var state = await serving.GetAsync("/v2/admin/state").ExpectAsync(200, "serving state");
        return state["current"]!["endpoints"]!.AsArray().SingleOrDefault(e => e!["name"]!.GetValue<string>() == endpoint) ?? new JsonObject { ["versions"] = new JsonArray() };
    }

    /// <summary>Sends <see cref="RequestCount"/> single-row predictions, 8 at a time; counts answers per version and returns the failures.</summary>
    private static async Task<ConcurrentBag<string>> PredictAsync(HttpClient serving, string endpoint, JsonObject[] rows, ConcurrentDictionary<string, int> versions)
    {
        var failures = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, RequestCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await serving.PostAsJsonAsync($"/v2/models/{endpoint}/predict", rows[i % rows.Length], ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode == 200)
            {
                versions.AddOrUpdate(JsonNode.Parse(body)!["model_version"]!.GetValue<string>(), 1, (_, n) => n + 1);
            }
            else
            {
                failures.Add($"{(int)response.StatusCode} {body}");
            }
        });
        return failures;
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => WaitUntilAsync(condition, ok => ok, what);

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Timed out waiting for {what}");
            await Task.Delay(200);
        }
    }
}
