using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Integration.Tests.Support;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;

namespace Platform.Benchmarks;

/// <summary>
/// A LightGBM training job (digits, multiclass, 1,000 rounds, no early stopping: 10,000 trees) against ML.NET called directly on the same data,
/// same run. One Api process and one worker process over RabbitMQ (started by benchmarks/run). job_s is the job's own
/// record (created to finished: dispatch, claim, reading the split's parts over HTTP, training with per-round metrics,
/// ONNX export, storing the model, reporting the end); direct_s is the same parts parsed, trained and exported in this
/// process; fixed_start_s is a no-op job's created-to-finished time (the job machinery alone). Medians of 9 after
/// three warm-ups of each (both sides get faster as the JIT settles). ratio = (job_s - fixed_start_s) / direct_s; goal: at most 1.10.
/// </summary>
internal static class TrainingBenchmark
{
    private const int Samples = 9;
    private const int WarmUps = 3;
    private static readonly Dictionary<string, string> Hyperparameters = new()
    {
        ["numberOfIterations"] = "1000", ["learningRate"] = "0.05", ["numberOfLeaves"] = "31", ["minimumExampleCountPerLeaf"] = "5",
        ["earlyStoppingRounds"] = "0",
    };

    public static async Task<object> RunAsync()
    {
        await using var cluster = await Cluster.StartAsync(workers: 1);
        var client = cluster.Client;
        var runId = await NewRunAsync(client);
        await UploadAsync(client, "digits");
        var train = await PartAsync(client, "train");
        var validation = await PartAsync(client, "validation");

        var fixedStart = new List<double>();
        var job = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < WarmUps + Samples; i++)
        {
            var noop = await RunJobAsync(client, "Diagnostic", null, new { durationMs = 0, progressEvents = 0 });
            var trained = await RunJobAsync(client, "Train", runId, new
            {
                dataset = "digits", datasetVersion = 1, labelColumn = "digit", task = "MulticlassClassification", trainer = "LightGbm",
                hyperparameters = Hyperparameters,
            });
            var inProcess = TrainDirectly(train, validation);
            if (i >= WarmUps)
            {
                fixedStart.Add(noop);
                job.Add(trained);
                direct.Add(inProcess);
            }

            Console.WriteLine($"sample {i}{(i < WarmUps ? " (warm-up)" : "")}: no-op job {noop:F3} s, training job {trained:F3} s, direct {inProcess:F3} s");
        }

        await PrintTimelineAsync(client, _lastJob!);
        var (jobS, directS, fixedS) = (Median(job), Median(direct), Median(fixedStart));
        return new { job_s = Math.Round(jobS, 3), direct_s = Math.Round(directS, 3), fixed_start_s = Math.Round(fixedS, 3), ratio = Math.Round((jobS - fixedS) / directS, 3) };
    }

    /// <summary>What the worker does with the parts, minus the job machinery and HTTP: parse, build tables, train, export.</summary>
    private static double TrainDirectly(byte[] trainCsv, byte[] validationCsv)
    {
        var clock = Stopwatch.StartNew();
        var train = CsvDatasetReader.Read(new MemoryStream(trainCsv));
        var validation = CsvDatasetReader.Read(new MemoryStream(validationCsv));
        var features = train.ColumnNames.Where(c => c != "digit").ToList();
        var training = FeatureTableBuilder.Build(train, "digit", TrainingTask.MulticlassClassification, features);
        var validating = FeatureTableBuilder.Build(validation, "digit", TrainingTask.MulticlassClassification, features, training.Classes);
        var model = ModelTrainer.Train(new TrainingRequest(
            TrainingTask.MulticlassClassification, TrainerKind.LightGbm, training, validating, Hyperparameters, 42, "digit"));
        _ = OnnxModelExporter.Export(model);
        return clock.Elapsed.TotalSeconds;
    }

    private static string? _lastJob;

    private static async Task<double> RunJobAsync(HttpClient client, string kind, string? runId, object parameters)
    {
        var submitted = await (await client.PostAsJsonAsync("/api/v1/jobs", new { kind, runId, parameters })).Content.ReadFromJsonAsync<JsonObject>();
        var id = submitted!["id"]!.GetValue<string>();
        _lastJob = kind == "Train" ? id : _lastJob;
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
            if (job["finishedAt"] is not null)
            {
                return job["state"]!.GetValue<string>() == "Succeeded"
                    ? (job["finishedAt"]!.GetValue<DateTimeOffset>() - job["createdAt"]!.GetValue<DateTimeOffset>()).TotalSeconds
                    : throw new InvalidOperationException($"{kind} job ended {job["state"]}: {job["reason"]}");
            }

            // Seldom: the figure is the job's own record, and polling would take CPU from the job on a 2-core machine.
            await Task.Delay(250);
        }
    }

    /// <summary>Where the last training job's time went: its log lines, timed from its creation.</summary>
    private static async Task PrintTimelineAsync(HttpClient client, string id)
    {
        var job = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        var created = job["createdAt"]!.GetValue<DateTimeOffset>();
        Console.WriteLine($"last training job: started +{(job["startedAt"]!.GetValue<DateTimeOffset>() - created).TotalMilliseconds:F0} ms");
        var logs = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}/logs?limit=100"))!["items"]!.AsArray();
        foreach (var line in logs)
        {
            Console.WriteLine($"  +{(line!["at"]!.GetValue<DateTimeOffset>() - created).TotalMilliseconds,6:F0} ms {line["text"]}");
        }

        Console.WriteLine($"  +{(job["finishedAt"]!.GetValue<DateTimeOffset>() - created).TotalMilliseconds,6:F0} ms finished");
    }

    private static async Task<byte[]> PartAsync(HttpClient client, string split) =>
        await client.GetByteArrayAsync($"/api/v1/datasets/digits/versions/1/content?split={split}");

    private static async Task UploadAsync(HttpClient client, string dataset)
    {
        var content = new StreamContent(File.OpenRead(Path.Combine(TestServices.Root, "samples", "datasets", dataset + ".csv")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        (await client.PostAsync($"/api/v1/datasets/{dataset}/versions", content)).EnsureSuccessStatusCode();
    }

    private static async Task<string> NewRunAsync(HttpClient client)
    {
        var experiment = await (await client.PostAsJsonAsync("/api/v1/experiments", new { name = "training-benchmark" })).Content.ReadFromJsonAsync<JsonObject>();
        var run = await (await client.PostAsJsonAsync($"/api/v1/experiments/{experiment!["id"]}/runs", new { })).Content.ReadFromJsonAsync<JsonObject>();
        return run!["id"]!.GetValue<string>();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
