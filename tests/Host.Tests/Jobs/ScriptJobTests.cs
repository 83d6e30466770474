using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// The script runner on the embedded host: a stdlib-only Python program, uploaded as the run's <c>code/</c>
/// artefacts, runs as a Train job with trainer Script under the documented contract.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class ScriptJobTests(JobHost host, ITestOutputHelper output)
{
    private const string Streaming = """
        import os, sys, time, json
        hp = json.loads(os.environ["PLATFORM_HYPERPARAMETERS"])
        rows = sum(1 for _ in open(os.path.join(os.environ["PLATFORM_DATASET_DIR"], "train.csv"))) - 1
        print(f"training on {rows} rows with lr={hp['lr']}, token {os.environ['PLATFORM_TOKEN'][:4]}")
        print("::progress 5 started")
        for step in range(1, 11):
            print(f"::metric name=loss step={step} value={1.0 / step}")
            print(f"::progress {step * 10}")
            time.sleep(0.3)
        print("::metric name=loss value=oops")
        leaked = [k for k in os.environ if k.startswith(("Bus__", "Auth__", "ConnectionStrings__"))]
        print("leaked: " + ",".join(leaked))
        with open(os.path.join(os.environ["PLATFORM_OUTPUT_DIR"], "model.onnx"), "wb") as f:
            f.write(b"onnx bytes")
        """;

    [Fact]
    public async Task A_python_script_streams_metrics_while_it_runs_and_its_onnx_output_becomes_the_runs_model()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var runId = await NewRunWithCodeAsync(client, Streaming);
        await UploadIrisAsync(client);

        var jobId = await SubmitScriptAsync(client, runId, new { dataset = "iris", datasetVersion = 1, hyperparameters = new { lr = 0.1 } });
        // Live: a loss point is in the run while the job is still running.
        var live = false;
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30) && !live;)
        {
            var points = await client.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/metrics/history?key=loss");
            var state = JobRequests.State(await client.GetJobAsync(jobId));
            live = state == "Running" && points!["items"]!.AsArray().Count > 0;
            if (state != "Running" && state != "Queued")
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.True(live, "no loss point arrived while the script was running");
        var job = await client.WaitUntilEndedAsync(jobId, TimeSpan.FromSeconds(60));
        Assert.True(JobRequests.State(job) == "Succeeded", $"the script job ended {JobRequests.State(job)}: {job["reason"]}");
        var logs = (await client.GetLogLinesAsync(jobId)).Select(l => l["text"]!.GetValue<string>()).ToList();
        var trainRows = (await client.GetFromJsonAsync<JsonObject>("/api/v1/datasets/iris/versions/1"))!["split"]!["rows"]!["train"]!.GetValue<int>();
        Assert.Contains($"training on {trainRows} rows with lr=0.1, token pjt_", logs);
        Assert.Contains(logs, l => l.Contains("[not understood", StringComparison.Ordinal));
        Assert.Contains("leaked: ", logs);
        var history = await client.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/metrics/history?key=loss");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), history!["items"]!.AsArray().Select(p => p!["step"]!.GetValue<long>()));
        Assert.Equal("onnx bytes", await client.GetStringAsync($"/api/v1/runs/{runId}/artifacts/model.onnx"));
    }

    [Fact]
    public async Task A_script_cancelled_mid_run_ends_cancelled_with_its_process_tree_gone()
    {
        using var user = await host.UserAsync("DataScientist");
        var seconds = ChildProcesses.UniqueSleepSeconds();
        var runId = await NewRunWithCodeAsync(user.Client, $"""
            import subprocess, time
            subprocess.Popen(["sleep", "{seconds}"])
            print("::progress 10 sleeping", flush=True)
            subprocess.run(["sleep", "{seconds}"])
            """);
        var jobId = await SubmitScriptAsync(user.Client, runId, new { });
        await user.Client.WaitForJobAsync(jobId, j => j["progress"]!.GetValue<double>() >= 10, "to report 10 %", TimeSpan.FromSeconds(30));
        Assert.True(ChildProcesses.SleepingFor(seconds).Count >= 2, "the script's two sleeps are not running");

        var clock = Stopwatch.StartNew();
        await JobRequests.ExpectAsync(await user.Client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null), 200);
        var job = await user.Client.WaitUntilEndedAsync(jobId, TimeSpan.FromSeconds(10));
        output.WriteLine($"cancel request to Cancelled, seen by polling: {clock.ElapsedMilliseconds} ms");

        Assert.Equal("Cancelled", JobRequests.State(job));
        var left = ChildProcesses.SleepingFor(seconds);
        Assert.True(left.Count == 0, $"processes left after the script was cancelled: {string.Join(" | ", left)}");
    }

    [Fact]
    public async Task A_failing_script_ends_failed_with_its_last_lines_in_the_reason()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await NewRunWithCodeAsync(user.Client, """
            import sys
            for i in range(30):
                print(f"line {i}")
            print("ValueError: the label column is empty", file=sys.stderr)
            sys.exit(3)
            """);

        var job = await user.Client.WaitUntilEndedAsync(await SubmitScriptAsync(user.Client, runId, new { }), TimeSpan.FromSeconds(30));

        Assert.Equal("Failed", JobRequests.State(job));
        var reason = job["reason"]!.GetValue<string>();
        Assert.Contains("exited with code 3", reason);
        Assert.Contains("line 29", reason);
        Assert.Contains("ValueError: the label column is empty", reason);
        Assert.DoesNotContain("line 5\n", reason);
    }

    [Fact]
    public async Task A_program_the_worker_does_not_allow_is_refused_naming_it()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await NewRunWithCodeAsync(user.Client, "print('hi')");

        var job = await user.Client.WaitUntilEndedAsync(
            await SubmitScriptAsync(user.Client, runId, new { command = new[] { "bash", "-c", "echo hi" } }), TimeSpan.FromSeconds(30));

        Assert.Equal("Failed", JobRequests.State(job));
        Assert.Contains("'bash' may not be run on this worker", job["reason"]!.GetValue<string>());
    }

    private static async Task<string> SubmitScriptAsync(HttpClient client, string runId, object extra)
    {
        var parameters = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra))!.AsObject();
        parameters["trainer"] = "Script";
        parameters["command"] ??= new JsonArray("python3", "train.py");
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { kind = "Train", runId, parameters });
        return (await JobRequests.ExpectAsync(response, 202))["id"]!.GetValue<string>();
    }

    private static async Task<string> NewRunWithCodeAsync(HttpClient client, string script)
    {
        var experiment = await JobRequests.ExpectAsync(
            await client.PostAsJsonAsync("/api/v1/experiments", new { name = "scripts-" + Guid.NewGuid().ToString("N")[..8] }), 201);
        var run = await JobRequests.ExpectAsync(await client.PostAsJsonAsync($"/api/v1/experiments/{experiment["id"]}/runs", new { }), 201);
        var runId = run["id"]!.GetValue<string>();
        (await client.PutAsync($"/api/v1/runs/{runId}/artifacts/code/train.py", new StringContent(script, Encoding.UTF8))).EnsureSuccessStatusCode();
        return runId;
    }

    private static async Task UploadIrisAsync(HttpClient client)
    {
        var existing = await client.GetFromJsonAsync<JsonObject>("/api/v1/datasets?name=iris&limit=1");
        if (existing!["items"]!.AsArray().Count > 0)
        {
            return;
        }

        var content = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "datasets", "iris.csv")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        (await client.PostAsync("/api/v1/datasets/iris/versions", content)).EnsureSuccessStatusCode();
    }
}
