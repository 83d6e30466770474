using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Support.TrainingRequests;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// A run ends with its Train job (Finished, Failed, Killed, with its end time), holds the trainer and hyper-parameters
/// (defaults filled in) as params to search by, runs again when the job is retried, and is not reopened by an evaluation.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class TrainingRunTests(JobHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_succeeded_training_finishes_its_run_with_its_params_and_a_later_evaluation_leaves_it_so()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await NewRunAsync(user.Client);
        var version = await UploadAsync(user.Client, "iris");
        var job = await SubmitAsync(user.Client, "Train", runId, new
        {
            dataset = "iris", datasetVersion = version, labelColumn = "species", task = "MulticlassClassification", trainer = "LightGbm",
            hyperparameters = new { numberOfIterations = 20 },
        });
        // The params are the run's from submission, while it trains (the same transaction as the job).
        var parameters = (await RunAsync(user.Client, runId))["params"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        Assert.Equal("Succeeded", JobRequests.State(await user.Client.WaitUntilEndedAsync(job, Deadline)));

        var run = await RunAsync(user.Client, runId);
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        Assert.NotNull(run["endTime"]);
        Assert.Equal(parameters, run["params"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()));
        Assert.Equal("LightGbm", parameters["trainer"]);
        Assert.Equal("species", parameters["labelColumn"]);
        Assert.Equal("20", parameters["numberOfIterations"]); // given
        Assert.Equal("31", parameters["numberOfLeaves"]); // the default, filled in
        Assert.Equal("0.1", parameters["learningRate"]);
        var found = await user.Client.PostAsJsonAsync("/api/v1/runs/search", new
        {
            experimentIds = new[] { run["experimentId"]!.GetValue<string>() }, filter = "params.trainer = 'LightGbm' and params.numberOfLeaves = '31'",
        });
        Assert.Equal(runId, (await JobRequests.ExpectAsync(found, 200))["items"]![0]!["id"]!.GetValue<string>());

        var evaluation = await SubmitAsync(user.Client, "Evaluate", runId, new { dataset = "iris", datasetVersion = version, split = "test" });
        Assert.Equal("Succeeded", JobRequests.State(await user.Client.WaitUntilEndedAsync(evaluation, Deadline)));
        var after = await RunAsync(user.Client, runId);
        Assert.Equal(("Finished", run["endTime"]!.ToString()), (after["status"]!.GetValue<string>(), after["endTime"]!.ToString()));
    }

    [Fact]
    public async Task A_failed_training_fails_its_run_and_a_retry_runs_it_again()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await RunWithScriptAsync(user.Client, "import sys\nprint('no data here')\nsys.exit(3)\n");
        var job = await SubmitAsync(user.Client, "Train", runId, new { trainer = "Script", command = new[] { "python3", "train.py" }, hyperparameters = new { epochs = 2 } });

        Assert.Equal("Failed", JobRequests.State(await user.Client.WaitUntilEndedAsync(job, Deadline)));
        var failed = await RunAsync(user.Client, runId);
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.NotNull(failed["endTime"]);
        Assert.Equal(("Script", "2"), (failed["params"]!["trainer"]!.GetValue<string>(), failed["params"]!["epochs"]!.GetValue<string>()));

        await JobRequests.ExpectAsync(await user.Client.PostAsync($"/api/v1/jobs/{job}/retry", null), 202);
        var retried = await RunAsync(user.Client, runId);
        Assert.Equal("Running", retried["status"]!.GetValue<string>());
        await user.Client.WaitUntilEndedAsync(job, Deadline);
    }

    [Fact]
    public async Task A_cancelled_training_kills_its_run()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await RunWithScriptAsync(user.Client, "import time\nprint('training', flush=True)\ntime.sleep(300)\n");
        var job = await SubmitAsync(user.Client, "Train", runId, new { trainer = "Script", command = new[] { "python3", "train.py" } });
        await user.Client.WaitForJobAsync(job, j => JobRequests.State(j) == "Running", "to run", Deadline);

        await JobRequests.ExpectAsync(await user.Client.PostAsync($"/api/v1/jobs/{job}/cancel", null), 200);

        Assert.Equal("Cancelled", JobRequests.State(await user.Client.WaitUntilEndedAsync(job, Deadline)));
        Assert.Equal("Killed", (await RunAsync(user.Client, runId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_training_on_a_run_that_ended_is_refused_with_409()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await NewRunAsync(user.Client);
        (await user.Client.PatchAsJsonAsync($"/api/v1/runs/{runId}", new { status = "Finished" })).EnsureSuccessStatusCode();

        var refused = await user.Client.PostAsJsonAsync("/api/v1/jobs", new { kind = "Train", runId, parameters = new { trainer = "Script", command = new[] { "python3", "train.py" } } });

        Assert.Equal("run.ended", (await JobRequests.ExpectAsync(refused, 409))["code"]!.GetValue<string>());
    }

    private static async Task<JsonNode> RunAsync(HttpClient client, string runId) => await JobRequests.ExpectAsync(await client.GetAsync($"/api/v1/runs/{runId}"), 200);

    private static async Task<string> RunWithScriptAsync(HttpClient client, string script)
    {
        var runId = await NewRunAsync(client);
        (await client.PutAsync($"/api/v1/runs/{runId}/artifacts/code/train.py", new StringContent(script, Encoding.UTF8))).EnsureSuccessStatusCode();
        return runId;
    }
}
