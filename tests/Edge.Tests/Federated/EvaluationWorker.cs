using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// Plays the worker's part of one Evaluate job, as the worker process would over the Api: claims it with the ticket of
/// its queued message (read from the outbox, as the broker would carry it; these tests start no broker nor worker),
/// reads the model version and the dataset part with the job's token, evaluates with the worker's evaluator
/// (<see cref="OnnxModelEvaluator"/>), and ends the job with <c>{metrics, report}</c>, which the Api stores with the version.
/// </summary>
internal static class EvaluationWorker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<EvaluationReport> EvaluateAsync(FederatedPlatform platform, HttpClient submitter, string model, int version, string dataset, int datasetVersion)
    {
        var job = await (await submitter.PostAsJsonAsync("/api/v1/jobs", new
        {
            kind = "Evaluate", parameters = new { model, modelVersion = version, dataset, datasetVersion, split = "test" },
        })).ExpectAsync(202);
        var jobId = job.GetProperty("id").GetGuid();
        using var ticket = Authorized(platform, await ClaimTicketAsync(platform, jobId));
        var claimed = (await (await ticket.PostAsJsonAsync(JobReportsApi.Claim(jobId), new JobClaimRequest("lineage-test-worker"))).ExpectAsync()).Deserialize<JobClaimed>(Json)!;

        using var worker = Authorized(platform, claimed.Token);
        var onnx = await worker.GetByteArrayAsync($"/api/v1/models/{model}/versions/{version}/artifact");
        await using var part = await worker.GetStreamAsync($"/api/v1/datasets/{dataset}/versions/{datasetVersion}/content?split=test");
        var report = OnnxModelEvaluator.Evaluate(onnx, CsvDatasetReader.Read(part));
        var c = report.Classification!;
        var metrics = new Dictionary<string, double> { ["accuracy"] = c.Accuracy, ["macroF1"] = c.MacroF1, ["logLoss"] = c.LogLoss };
        var result = JsonSerializer.Serialize(new { metrics, report }, Json);
        await (await worker.PostAsJsonAsync(JobReportsApi.End(jobId), new JobEndReport("Succeeded", null, result))).ExpectAsync();
        return report;
    }

    private static HttpClient Authorized(FederatedPlatform platform, string token)
    {
        var client = platform.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The claim ticket in the last <see cref="RunJob"/> message queued for the job.</summary>
    private static async Task<string> ClaimTicketAsync(FederatedPlatform platform, Guid jobId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(platform.DataDirectory, "platform.db")};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT Body FROM OutboxMessages WHERE MessageType = $type AND Body LIKE $job ORDER BY Id DESC LIMIT 1";
        query.Parameters.AddWithValue("$type", typeof(RunJob).FullName);
        query.Parameters.AddWithValue("$job", $"%{jobId}%");
        var body = (string?)await query.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No RunJob message was queued for job {jobId}.");
        return JsonSerializer.Deserialize<RunJob>(body, JsonSerializerOptions.Web)!.ClaimTicket!;
    }
}
