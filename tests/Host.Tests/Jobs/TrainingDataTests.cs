using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Support.TrainingRequests;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// Issue 14, item 7: data as it really is. A typo in a numeric feature trains (the cell is missing, the profile says so),
/// and a bad label fails the job naming the row of the uploaded file, not of the part of the split it fell in.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class TrainingDataTests(JobHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_typo_in_a_numeric_feature_trains_and_a_missing_label_fails_naming_the_file_row()
    {
        using var user = await host.UserAsync("DataScientist");
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        // Rows 2-11 (file numbering, header = 1) are validation, the rest train: a train row's part number is 10 less.
        string Row(int fileRow, string line) => $"{line},{(fileRow <= 11 ? "validation" : "train")}";
        var rows = lines.Skip(1).Select((line, i) => Row(i + 2, line)).ToArray();
        rows[98] = "13.2x" + rows[98][rows[98].IndexOf(',', StringComparison.Ordinal)..];

        var typo = await UploadAsync(user.Client, "typo", lines[0] + ",part", rows);
        var finding = typo["profile"]!["findings"]!.AsArray().Single(f => f!["issue"]!.GetValue<string>() == "NotNumeric")!;
        Assert.Equal([100L], finding["rows"]!.AsArray().Select(r => r!.GetValue<long>()));
        var trained = await TrainAsync(user.Client, "typo");
        Assert.True(trained["state"]!.GetValue<string>() == "Succeeded", $"training with a typo ended {trained["state"]}: {trained["reason"]}");

        var label = lines[0].Split(',').Length - 1;
        rows[55] = string.Join(',', rows[55].Split(',').Select((cell, i) => i == label ? "" : cell));
        await UploadAsync(user.Client, "no-label", lines[0] + ",part", rows);
        var failed = await TrainAsync(user.Client, "no-label");

        Assert.Equal("Failed", failed["state"]!.GetValue<string>());
        Assert.Contains("Row 57, column 'benign': the label is missing", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_categorical_feature_trains_evaluates_and_is_one_input_of_the_model()
    {
        using var user = await host.UserAsync("DataScientist");
        var version = await TrainingRequests.UploadAsync(user.Client, "grunfeld");
        var runId = await NewRunAsync(user.Client);
        var train = await SubmitAsync(user.Client, "Train", runId, new
        {
            dataset = "grunfeld", datasetVersion = version, labelColumn = "invest", task = "Regression", trainer = "LightGbm",
            hyperparameters = new { numberOfIterations = 100, minimumExampleCountPerLeaf = 5 },
        });
        var trained = await user.Client.WaitUntilEndedAsync(train, Deadline);
        Assert.True(trained["state"]!.GetValue<string>() == "Succeeded", $"training ended {trained["state"]}: {trained["reason"]}");

        var evaluate = await SubmitAsync(user.Client, "Evaluate", runId, new { dataset = "grunfeld", datasetVersion = version, split = "test" });
        var evaluated = await user.Client.WaitUntilEndedAsync(evaluate, Deadline);

        Assert.True(evaluated["state"]!.GetValue<string>() == "Succeeded", $"evaluation ended {evaluated["state"]}: {evaluated["reason"]}");
        var report = JsonNode.Parse(evaluated["resultJson"]!.GetValue<string>())!["report"]!;
        Assert.Equal(["firm"], report["model"]!["categoricalFeatureNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(report["regression"]!["rSquared"]!.GetValue<double>() > 0.8, $"test R² {report["regression"]!["rSquared"]}");
    }

    private static async Task<JsonObject> UploadAsync(HttpClient client, string name, string header, string[] rows)
    {
        var content = new StringContent(header + "\n" + string.Join('\n', rows) + "\n");
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync($"/api/v1/datasets/{name}/versions?splitColumn=part", content);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)response.StatusCode == 201, $"upload {name}: {(int)response.StatusCode} {body}");
        return body!;
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> TrainAsync(HttpClient client, string dataset)
    {
        var runId = await NewRunAsync(client);
        var version = await LatestVersionAsync(client, dataset);
        var job = await SubmitAsync(client, "Train", runId, new
        {
            dataset, datasetVersion = version, labelColumn = "benign", task = "BinaryClassification", trainer = "LightGbm",
            hyperparameters = new { numberOfIterations = 20 },
        });
        return await client.WaitUntilEndedAsync(job, Deadline);
    }
}
