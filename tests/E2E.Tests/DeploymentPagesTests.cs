using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.E2E.Tests;

/// <summary>
/// The deployment pages in a real browser over a real deployment: two uploaded one-node ONNX versions approved into
/// Staging, deployed through the Api (v1, then v1 90% + canary v2 10%, each validated by the in-process worker's deploy
/// job) with a monitoring report whose drift alerts; the list and the deployment page are labelled and fit 1280x800 and
/// 390x844; an operator rolls the canary back from the page, then puts it back with the traffic form.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DeploymentPagesTests(PortalHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Deployment_list_and_page_show_traffic_and_drift_fit_both_sizes_and_an_operator_rolls_back()
    {
        var operatorUser = await host.UserAsync("Operator");
        var clock = Stopwatch.StartNew();
        var endpoint = await DeployWithDriftAsync(operatorUser);
        output.WriteLine($"deployment made through the Api in {clock.ElapsedMilliseconds} ms");

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using var context = await host.ContextAsync(width, height);
            var page = await context.NewPageAsync();
            await page.SignInAsync(operatorUser, PortalHost.Password);
            await page.GoAsync("/deployments");
            var row = page.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=deployment-link]:text-is('{endpoint}')") });
            await Assertions.Expect(row.Locator("[data-testid=drift-badge]")).ToHaveCountAsync(1);
            await Assertions.Expect(row.Locator("[data-testid=active-split]")).ToHaveTextAsync("v1 90%, v2 10% canary");
            await page.AssertFitsAsync("/deployments", width, height);
            await page.ShotAsync($"deployments-{width}x{height}");

            await page.GoAsync($"/deployments/{endpoint}");
            await page.Locator("[data-testid=drift-v2] [data-alert='1']").WaitForAsync();
            // Error rate, p95, PSI: a line each, or, while each version has one report, the value in the chart's table.
            await Assertions.Expect(page.Locator(
                "[data-testid=monitoring-history] polyline[data-series='v2'], [data-testid=monitoring-history] tr[data-series-value='v2']")).ToHaveCountAsync(3);
            await page.Locator("[data-testid=key-prefix]").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=revision-kind]")).ToHaveCountAsync(2);
            await page.AssertFitsAsync($"/deployments/{endpoint}", width, height);
            await page.ShotAsync($"deployment-{width}x{height}");
        }

        await using var operatorContext = await host.ContextAsync();
        var operatorPage = await operatorContext.NewPageAsync();
        await operatorPage.SignInAsync(operatorUser, PortalHost.Password);
        await operatorPage.GoAsync($"/deployments/{endpoint}");
        await operatorPage.Locator("[data-testid=active-split]").WaitForAsync();
        await operatorPage.FillAsync("#rollback-reason", "canary v2 drifts on x");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await operatorPage.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();

        await Assertions.Expect(operatorPage.Locator("[data-testid=active-split] [data-testid=traffic-version]")).ToHaveTextAsync(["v1 · 100% (weight 100)"]);
        await Assertions.Expect(operatorPage.Locator("[data-testid=revision-kind]").First).ToHaveTextAsync("Rollback");
        await operatorPage.ShotAsync("deployment-rolled-back");

        // The canary again, from the form: sent with If-Match, answered 202, validated by a deploy job, then active.
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Add a version" }).ClickAsync();
        await operatorPage.PickAsync("traffic-1-version", "v2 ·");
        await operatorPage.FillAsync("#traffic-0-weight", "80");
        await operatorPage.FillAsync("#traffic-1-weight", "20");
        await operatorPage.GetByLabel("Canary").Nth(1).CheckAsync();
        await operatorPage.FillAsync("#traffic-reason", "try v2 again on a fifth of the traffic");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Change traffic" }).ClickAsync();

        await Assertions.Expect(operatorPage.Locator("[data-testid=active-split] [data-testid=traffic-version]"))
            .ToHaveTextAsync(["v1 · 80% (weight 80)", "v2 · 20% (weight 20) · canary"], new() { Timeout = 60_000 });
        await Assertions.Expect(operatorPage.Locator("[data-testid=revision-kind]").First).ToHaveTextAsync("Change");
        await operatorPage.ShotAsync("deployment-canary-from-form");
    }

    /// <summary>Makes the deployment through the Api as a scientist, an approver and the operator would; answers its name.</summary>
    private async Task<string> DeployWithDriftAsync(string operatorUser)
    {
        var (model, endpoint) = ("e2e-identity-" + Guid.NewGuid().ToString("N")[..6], "e2e-endpoint-" + Guid.NewGuid().ToString("N")[..6]);
        using var scientist = await host.ClientAsync(await host.UserAsync("DataScientist"));
        using var approver = await host.ClientAsync(await host.UserAsync("Approver"));
        using var operatorClient = await host.ClientAsync(operatorUser);
        for (var version = 1; version <= 2; version++)
        {
            var file = new ByteArrayContent(Platform.Api.Tests.Support.TinyOnnxModel.Bytes("x"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            (await scientist.PostAsync($"/api/v1/models/{model}/versions/upload", new MultipartFormDataContent { { file, "file", "identity.onnx" } })).EnsureSuccessStatusCode();
            var request = await Json(await scientist.PostAsJsonAsync($"/api/v1/models/{model}/versions/{version}/promotions", new { targetStage = "Staging", justification = "e2e" }));
            (await approver.PostAsJsonAsync($"/api/v1/promotions/{request["id"]}/approve", new { comment = "ok" })).EnsureSuccessStatusCode();
        }

        await DeployAsync(operatorClient, endpoint, model, new { version = 1, weight = 100 });
        await DeployAsync(operatorClient, endpoint, model, new { version = 1, weight = 90 }, new { version = 2, weight = 10, canary = true });
        var now = DateTimeOffset.UtcNow;
        (await operatorClient.PostAsJsonAsync($"/api/v1/deployments/{endpoint}/monitoring", new
        {
            revision = 2, from = now.AddMinutes(-1), to = now, host = "e2e-serving",
            versions = new object[]
            {
                new { version = 1, requests = 900, errors = 1, p50Milliseconds = 0.4, p95Milliseconds = 0.9, p99Milliseconds = 1.4, sampleSize = 300, drift = new[] { new { feature = "x", psi = 0.02, ks = 0.03, alert = false } } },
                new { version = 2, requests = 100, errors = 4, p50Milliseconds = 0.5, p95Milliseconds = 1.1, p99Milliseconds = 2.0, sampleSize = 250, drift = new[] { new { feature = "x", psi = 0.41, ks = 0.35, alert = true } } },
            },
        })).EnsureSuccessStatusCode();
        (await operatorClient.PostAsJsonAsync($"/api/v1/deployments/{endpoint}/keys", new { name = "scoring-service" })).EnsureSuccessStatusCode();
        return endpoint;
    }

    /// <summary>PUT the desired state (Staging) and wait for its deploy job to succeed.</summary>
    private static async Task DeployAsync(HttpClient client, string endpoint, string model, params object[] versions)
    {
        var change = await Json(await client.PutAsJsonAsync($"/api/v1/deployments/{endpoint}", new { model, environment = "Staging", versions, reason = "e2e release" }));
        var ended = await client.WaitUntilEndedAsync(change["job"]!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
        Assert.True(JobRequests.State(ended) == "Succeeded", $"deploy job ended {JobRequests.State(ended)}: {ended["reason"]}");
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
