using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Support.TrainingRequests;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// Issue 4's path through the API on the embedded host: upload a sample dataset, train a built-in model as a job
/// (per-round metrics land in the run, the ONNX model becomes its artefact), then evaluate that model as a job on the
/// test part of the dataset's split.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class TrainingJobTests(JobHost host, ITestOutputHelper output)
{
    private static readonly TimeSpan TrainingDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task LightGbm_trained_as_a_job_on_breast_cancer_reaches_auc_097_and_accuracy_093_on_the_test_split()
    {
        using var user = await host.UserAsync("DataScientist");
        var (runId, train) = await TrainAsync(user.Client, "breast-cancer", "benign", "BinaryClassification", new()
        {
            ["numberOfIterations"] = 200, ["learningRate"] = 0.1, ["numberOfLeaves"] = 7, ["minimumExampleCountPerLeaf"] = 10,
        });

        var rounds = train["iterations"]!.GetValue<int>();
        var history = await HistoryAsync(user.Client, runId, "validation.logLoss");
        Assert.Equal(Enumerable.Range(1, rounds).Select(i => (long)i), history.Select(p => p["step"]!.GetValue<long>()));
        Assert.True(history[^1]["value"]!.GetValue<double>() < history[0]["value"]!.GetValue<double>(), "validation log loss did not fall over the rounds");

        var metrics = await EvaluateAsync(user.Client, runId, "breast-cancer");
        Assert.True(metrics["test.rocAuc"] >= 0.97, $"test ROC AUC {metrics["test.rocAuc"]:F4} < 0.97");
        Assert.True(metrics["test.accuracy"] >= 0.93, $"test accuracy {metrics["test.accuracy"]:F4} < 0.93");
    }

    [Fact]
    public async Task LightGbm_trained_as_a_job_on_digits_reaches_accuracy_093_and_a_regression_reports_r_squared()
    {
        using var user = await host.UserAsync("DataScientist");
        var (digitsRun, _) = await TrainAsync(user.Client, "digits", "digit", "MulticlassClassification", new()
        {
            ["numberOfIterations"] = 150, ["learningRate"] = 0.2, ["numberOfLeaves"] = 15, ["minimumExampleCountPerLeaf"] = 5,
        });
        var digits = await EvaluateAsync(user.Client, digitsRun, "digits");
        Assert.True(digits["test.accuracy"] >= 0.93, $"test accuracy {digits["test.accuracy"]:F4} < 0.93");

        var (regressionRun, _) = await TrainAsync(user.Client, "breast-cancer", "mean_texture", "Regression", new() { ["numberOfIterations"] = 100 });
        var regression = await EvaluateAsync(user.Client, regressionRun, "breast-cancer");
        Assert.True(regression["test.r2"] > 0.5, $"test R² {regression["test.r2"]:F4} <= 0.5");
        Assert.True(regression["test.mae"] <= regression["test.rmse"], "MAE above RMSE");
    }

    [Fact]
    public async Task A_bad_hyper_parameter_or_a_missing_dataset_is_refused_on_submission_naming_it()
    {
        using var user = await host.UserAsync("DataScientist");
        var runId = await NewRunAsync(user.Client);
        await UploadAsync(user.Client, "iris");

        var bad = await user.Client.PostAsJsonAsync("/api/v1/jobs", new
        {
            kind = "Train", runId,
            parameters = new { dataset = "iris", datasetVersion = 1, labelColumn = "species", task = "MulticlassClassification", trainer = "LightGbm", hyperparameters = new { numberOfLeaves = 1 } },
        });
        var problem = await bad.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("numberOfLeaves", problem!["errors"]!["parameters.hyperparameters.numberOfLeaves"]![0]!.GetValue<string>());

        var missing = await user.Client.PostAsJsonAsync("/api/v1/jobs", new
        {
            kind = "Evaluate", runId, parameters = new { dataset = "no-such-dataset", datasetVersion = 3 },
        });
        Assert.Equal(404, (int)missing.StatusCode);
    }

    private async Task<(string RunId, JsonNode Result)> TrainAsync(
        HttpClient client, string dataset, string label, string task, Dictionary<string, object> hyperparameters)
    {
        var runId = await NewRunAsync(client);
        var version = await UploadAsync(client, dataset);
        var job = await SubmitAsync(client, "Train", runId, new
        {
            dataset, datasetVersion = version, labelColumn = label, task, trainer = "LightGbm", hyperparameters,
        });
        var ended = await client.WaitUntilEndedAsync(job, TrainingDeadline);
        Assert.True(ended["state"]!.GetValue<string>() == "Succeeded", $"training ended {ended["state"]}: {ended["reason"]}");
        output.WriteLine($"{dataset} -> {label}: {ended["resultJson"]}");
        var artifacts = await client.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/artifacts");
        Assert.Contains(artifacts!["items"]!.AsArray(), a => a!["path"]!.GetValue<string>() == "model.onnx");
        return (runId, JsonNode.Parse(ended["resultJson"]!.GetValue<string>())!);
    }

    private async Task<Dictionary<string, double>> EvaluateAsync(HttpClient client, string runId, string dataset)
    {
        var version = await LatestVersionAsync(client, dataset);
        var job = await SubmitAsync(client, "Evaluate", runId, new { dataset, datasetVersion = version, split = "test" });
        var ended = await client.WaitUntilEndedAsync(job, TrainingDeadline);
        Assert.True(ended["state"]!.GetValue<string>() == "Succeeded", $"evaluation ended {ended["state"]}: {ended["reason"]}");
        var report = JsonNode.Parse(ended["resultJson"]!.GetValue<string>())!["report"]!;
        output.WriteLine($"{dataset}: {report["classification"]?.ToJsonString()[..200] ?? report["regression"]!.ToJsonString()}");
        var expectedReport = $"evaluations/{dataset}-v{version}-test.json";
        (await client.GetAsync($"/api/v1/runs/{runId}/artifacts/{expectedReport}")).EnsureSuccessStatusCode();
        Assert.True(report["rowCount"]!.GetValue<int>() > 0);
        // The metrics reach the run over the bus a moment after the job ends.
        for (var i = 0; ; i++)
        {
            var run = await client.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}");
            var metrics = run!["metrics"]!.AsArray().ToDictionary(m => m!["key"]!.GetValue<string>(), m => m!["value"]!.GetValue<double>());
            if (metrics.ContainsKey("test.accuracy") || metrics.ContainsKey("test.r2") || i == 100)
            {
                return metrics;
            }

            await Task.Delay(50);
        }
    }
}
