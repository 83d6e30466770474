using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Application.Jobs.Commands.ClaimJob;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;

namespace Platform.Benchmarks;

/// <summary>
/// A serving host's poll of the desired state when nothing changed, with <see cref="Deployments"/> deployments on the
/// Api: the full read (as every poll was before the conditional read) against the conditional read that answers 304
/// (If-None-Match with the state's version), over HTTP on loopback, alternating, medians after a warm-up. The versions
/// are uploaded ONNX files without a training lineage, so the full read here parses no dataset profile: a real one
/// costs more, and the figure is the smallest saving.
/// </summary>
internal static class DesiredStateBenchmark
{
    private const int Deployments = 50;
    private const int Polls = 300;
    private const int WarmUp = 30;

    public static async Task<object> RunAsync()
    {
        await using var server = await BenchmarkServer.StartAsync();
        using var admin = await server.AdminClientAsync();
        await DeployAsync(server, admin);

        var (full, conditional) = (new List<double>(), new List<double>());
        var version = (await admin.GetFromJsonAsync<JsonObject>(ServingControlPlaneApi.DesiredState))!["version"]!.GetValue<long>();
        for (var i = 0; i < WarmUp + Polls; i++)
        {
            var fullMs = await TimeAsync(admin, null, HttpStatusCode.OK);
            var conditionalMs = await TimeAsync(admin, ServingControlPlaneApi.StateETag(version), HttpStatusCode.NotModified);
            if (i >= WarmUp)
            {
                full.Add(fullMs);
                conditional.Add(conditionalMs);
            }
        }

        var (fullMedian, conditionalMedian) = (Median(full), Median(conditional));
        Console.WriteLine($"{Deployments} deployments, {Polls} polls each way: full read median {fullMedian:F3} ms, 304 median {conditionalMedian:F3} ms");
        return new
        {
            deployments = Deployments,
            full_read_ms = Math.Round(fullMedian, 3),
            not_modified_ms = Math.Round(conditionalMedian, 3),
            ratio = Math.Round(conditionalMedian / fullMedian, 3),
        };
    }

    /// <summary>One model version (an uploaded ONNX file) on <see cref="Deployments"/> Staging deployments, each active.</summary>
    private static async Task DeployAsync(BenchmarkServer server, HttpClient admin)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Platform.Api.Tests.Support.TinyOnnxModel.Bytes()), "file", "model.onnx" } };
        (await admin.PostAsync("/api/v1/models/bench-model/versions/upload", form)).EnsureSuccessStatusCode();
        await ApproveIntoStagingAsync(server, admin);
        for (var i = 0; i < Deployments; i++)
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/deployments/bench-{i}", new
            {
                model = "bench-model", environment = "Staging", hardwareClass = "cpu", versions = new[] { new { version = 1, weight = 100 } }, reason = "benchmark",
            });
            var change = await response.Content.ReadFromJsonAsync<JsonObject>();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                await EndDeployJobAsync(server, Guid.Parse(change!["job"]!["id"]!.GetValue<string>()));
            }
            else if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT deployment answered {(int)response.StatusCode}: {change}");
            }
        }
    }

    /// <summary>The admin requests Staging for version 1; an approver (never the requester) approves it.</summary>
    private static async Task ApproveIntoStagingAsync(BenchmarkServer server, HttpClient admin)
    {
        const string password = "bench-approver-password";
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "bench-approver", password, roles = new[] { "Approver" } })).EnsureSuccessStatusCode();
        var request = await (await admin.PostAsJsonAsync("/api/v1/models/bench-model/versions/1/promotions", new { targetStage = "Staging", justification = "benchmark" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        using var approver = new HttpClient { BaseAddress = new Uri(server.Url) };
        var token = await (await approver.PostAsJsonAsync("/api/v1/auth/token", new { userName = "bench-approver", password })).Content.ReadFromJsonAsync<JsonObject>();
        approver.DefaultRequestHeaders.Authorization = new("Bearer", token!["accessToken"]!.GetValue<string>());
        (await approver.PostAsJsonAsync($"/api/v1/promotions/{request!["id"]}/approve", new { comment = "ok" })).EnsureSuccessStatusCode();
    }

    /// <summary>Claims the deploy job and ends it as a worker would, with the job's own token.</summary>
    private static async Task EndDeployJobAsync(BenchmarkServer server, Guid job)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var claimed = (JobClaimed)await scope.ServiceProvider.GetRequiredService<SystemSender>()
            .SendAsync(new ClaimJobCommand(job, "bench-worker"), "worker:bench-worker", CancellationToken.None);
        using var worker = new HttpClient { BaseAddress = new Uri(server.Url) };
        worker.DefaultRequestHeaders.Authorization = new("Bearer", claimed.Token);
        (await worker.PostAsJsonAsync($"/api/v1/jobs/{job}/end", new { outcome = "Succeeded", resultJson = """{"versions":[]}""" })).EnsureSuccessStatusCode();
    }

    private static async Task<double> TimeAsync(HttpClient client, string? ifNoneMatch, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ServingControlPlaneApi.DesiredState);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.StatusCode == expected ? elapsed : throw new InvalidOperationException($"the desired state answered {(int)response.StatusCode}, not {(int)expected}");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
