using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Support.TrainingRequests;

namespace Platform.Host.Tests;

/// <summary>
/// The product killed mid-training (SIGKILL) and started again the same way in the same folder: the job's lease runs
/// out, it runs again and succeeds (the restart itself does not fail it: once, the in-process worker took it before the
/// HTTP server listened and failed it with "connection refused"), and the run's curve holds the second attempt's points once.
/// </summary>
public sealed class ProductRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_training_killed_with_the_product_runs_again_after_the_restart_and_its_run_holds_one_curve()
    {
        var folder = Path.Combine(Path.GetTempPath(), "platform-restart", Guid.NewGuid().ToString("N"));
        try
        {
            string jobId, runId, password;
            await using (var first = await ProductProcess.RunAsync(folder))
            {
                password = first.AdminPassword();
                using var client = await SignedInAsync(first, password);
                runId = await NewRunAsync(client);
                var version = await UploadAsync(client, "breast-cancer");
                jobId = await SubmitAsync(client, "Train", runId, new
                {
                    dataset = "breast-cancer", datasetVersion = version, labelColumn = "benign", task = "BinaryClassification", trainer = "LightGbm",
                    hyperparameters = new { numberOfIterations = 4000, earlyStoppingRounds = 0, learningRate = 0.01 },
                });
                await client.WaitForJobAsync(jobId, j => j["progress"]!.GetValue<double>() > 5, "to be well into its training", Deadline);
                await first.KillAsync();
            }

            await using var second = await ProductProcess.RunAsync(folder);
            using var again = await SignedInAsync(second, password);
            var job = await again.WaitUntilEndedAsync(jobId, Deadline);

            Assert.True(JobRequests.State(job) == "Succeeded", $"after the restart the job ended {job.ToJsonString()}\n{second.Output}");
            Assert.Equal(2, job["attempts"]!.GetValue<int>());
            var history = await HistoryAsync(again, runId, "validation.logLoss");
            var steps = history.Select(p => p["step"]!.GetValue<long>()).ToList();
            Assert.Equal(steps.Distinct().Count(), steps.Count);
            Assert.Equal("Finished", (await again.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}"))!["status"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpClient> SignedInAsync(ProductProcess product, string password)
    {
        var client = product.CreateClient();
        var token = await JobRequests.ExpectAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password }), 200);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        return client;
    }
}
