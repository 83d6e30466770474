using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Domain.Jobs;
using Platform.Integration.Tests.Support;
using Platform.MachineLearning.Evaluation;

namespace Platform.Benchmarks;

/// <summary>
/// Jobs over a real RabbitMQ on loopback (started by benchmarks/run): one Api process and two worker processes.
/// Dispatch latency is the Api's own record of a job (created -> claimed by a worker), one job in flight at a time;
/// progress latency is the worker's report time to the moment a SignalR client (WebSockets) receives it, with reports
/// 200 ms apart so that none is held back by coalescing; throughput is no-op jobs submitted by 8 concurrent clients,
/// from the first submission to the last completion.
/// </summary>
internal static class DispatchBenchmark
{
    private const int DispatchSamples = 200;
    private const int ProgressJobs = 24;
    private const int ThroughputJobs = 1000;

    public static async Task<object> RunAsync()
    {
        await using var cluster = await Cluster.StartAsync(workers: 2, settings: new() { ["Worker__MaxConcurrentJobs"] = "4" });
        var client = cluster.Client;
        var watcher = new JobWatcher(await cluster.ConnectHubAsync());

        var dispatch = await MeasureDispatchAsync(client, watcher);
        var progress = await MeasureProgressAsync(client, watcher);
        var jobsPerSecond = await MeasureThroughputAsync(client);
        await watcher.DisposeAsync();

        Console.WriteLine($"dispatch over {dispatch.Count} jobs, progress over {progress.Count} reports, {ThroughputJobs} no-op jobs for throughput");
        return new
        {
            dispatch_p50_ms = Math.Round(Percentile.Of(dispatch, 50), 2),
            dispatch_p95_ms = Math.Round(Percentile.Of(dispatch, 95), 2),
            progress_p50_ms = Math.Round(Percentile.Of(progress, 50), 2),
            progress_p95_ms = Math.Round(Percentile.Of(progress, 95), 2),
            jobs_per_s = Math.Round(jobsPerSecond, 1),
        };
    }

    private static async Task<List<double>> MeasureDispatchAsync(HttpClient client, JobWatcher watcher)
    {
        var samples = new List<double>();
        for (var i = 0; i < DispatchSamples + 20; i++)
        {
            var id = await SubmitAsync(client, new { durationMs = 0, progressEvents = 0 });
            var job = await await watcher.WatchAsync(id);
            if (i >= 20)
            {
                samples.Add((job.GetProperty("startedAt").GetDateTimeOffset() - job.GetProperty("createdAt").GetDateTimeOffset()).TotalMilliseconds);
            }
        }

        return samples;
    }

    private static async Task<List<double>> MeasureProgressAsync(HttpClient client, JobWatcher watcher)
    {
        watcher.ProgressLatencies.Clear();
        for (var round = 0; round < ProgressJobs / 4; round++)
        {
            var ends = new List<Task<JsonElement>>();
            for (var i = 0; i < 4; i++)
            {
                ends.Add(await watcher.WatchAsync(await SubmitAsync(client, new { durationMs = 2000, progressEvents = 10 })));
            }

            await Task.WhenAll(ends);
        }

        return [.. watcher.ProgressLatencies];
    }

    private static async Task<double> MeasureThroughputAsync(HttpClient client)
    {
        var next = -1;
        var submitters = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < ThroughputJobs)
            {
                await SubmitAsync(client, new { durationMs = 0, progressEvents = 0 });
            }
        });
        await Task.WhenAll(submitters);

        var clock = Stopwatch.StartNew();
        while (await AnyAsync(client, "Queued") || await AnyAsync(client, "Running"))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException("no-op jobs still unfinished after 3 minutes");
            }

            await Task.Delay(100);
        }

        var jobs = await ListAllAsync(client);
        var recent = jobs.OrderByDescending(j => j["createdAt"]!.GetValue<DateTimeOffset>()).Take(ThroughputJobs).ToList();
        var failed = recent.Count(j => j["state"]!.GetValue<string>() != "Succeeded");
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} no-op job(s) did not succeed");
        }

        var first = recent.Min(j => j["createdAt"]!.GetValue<DateTimeOffset>());
        var last = recent.Max(j => j["finishedAt"]!.GetValue<DateTimeOffset>());
        return ThroughputJobs / (last - first).TotalSeconds;
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, object parameters)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<bool> AnyAsync(HttpClient client, string state) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs?state={state}&limit=1"))!["items"]!.AsArray().Count > 0;

    private static async Task<List<JsonNode>> ListAllAsync(HttpClient client)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs?limit=500{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}"))!;
            all.AddRange(page["items"]!.AsArray().Select(j => j!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>A SignalR client that hears every job it subscribes to and times each new progress report.</summary>
    private sealed class JobWatcher : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<JsonElement>> _ends = new();
        private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastProgress = new();

        public JobWatcher(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("JobChanged", OnJobChanged);
        }

        public ConcurrentBag<double> ProgressLatencies { get; } = [];

        /// <summary>Subscribes to the job; the task ends with the job's final state.</summary>
        public async Task<Task<JsonElement>> WatchAsync(Guid id)
        {
            var end = _ends.GetOrAdd(id, _ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
            var current = await _connection.InvokeAsync<JsonElement>("SubscribeToJob", id);
            if (Ended(current))
            {
                end.TrySetResult(current);
            }

            return end.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();

        private static bool Ended(JsonElement job) => Enum.Parse<JobState>(job.GetProperty("state").GetString()!).IsFinal();

        private void OnJobChanged(JsonElement job)
        {
            var received = DateTimeOffset.UtcNow;
            var id = job.GetProperty("id").GetGuid();
            var state = job.GetProperty("state").GetString();
            if (state == "Running" && job.GetProperty("progressAt").ValueKind == JsonValueKind.String)
            {
                var at = job.GetProperty("progressAt").GetDateTimeOffset();
                if (!_lastProgress.TryGetValue(id, out var last) || at > last)
                {
                    _lastProgress[id] = at;
                    ProgressLatencies.Add((received - at).TotalMilliseconds);
                }
            }

            if (Ended(job))
            {
                _ends.GetOrAdd(id, _ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(job.Clone());
            }
        }
    }
}
