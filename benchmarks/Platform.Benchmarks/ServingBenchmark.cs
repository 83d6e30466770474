using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;

namespace Platform.Benchmarks;

/// <summary>
/// Single-row <c>POST /v2/models/cancer/predict</c> over HTTP on loopback under concurrent load against the serving host
/// (Kestrel, same composition as the Serving process), against <c>/bench/echo</c> on the same server, which reads and
/// parses the same body with the same reader and writes a response of the same size without inference (the HTTP
/// limit). Sides alternate in rounds; latencies are the client's. Plus bare InferenceSession.Run on the same model,
/// one row at a time (OrtValue API), for the inference floor. Both sides send the endpoint's inference key; only the
/// served side checks it. The model: FastTree on breast-cancer (30 features).
/// </summary>
internal static class ServingBenchmark
{
    private static readonly int Concurrency = int.TryParse(Environment.GetEnvironmentVariable("SERVING_BENCH_CONCURRENCY"), out var c) ? c : 8;
    private const int Rounds = 3;
    private static readonly TimeSpan RoundLength = TimeSpan.FromSeconds(4);

    public static async Task<object> RunAsync()
    {
        var (model, table) = Train();
        var path = Path.Combine(Path.GetTempPath(), $"platform-bench-serving-{Guid.NewGuid():N}.onnx");
        await File.WriteAllBytesAsync(path, model);
        try
        {
            var bareUs = MeasureBare(model, table.Rows);
            await using var server = await ServingBenchServer.StartAsync(path);
            var body = Encoding.UTF8.GetBytes(Records(table.FeatureNames, table.Rows[0]).ToJsonString());
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, UseProxy = false }) { BaseAddress = new Uri(server.Url) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", ServingBenchServer.InferenceKey);
            var served = new LoadResult();
            var echo = new LoadResult();
            await LoadAsync(client, "/v2/models/cancer/predict", body, TimeSpan.FromSeconds(2), new LoadResult());
            await LoadAsync(client, "/bench/echo", body, TimeSpan.FromSeconds(2), new LoadResult());
            for (var round = 0; round < Rounds; round++)
            {
                await LoadAsync(client, "/v2/models/cancer/predict", body, RoundLength, served);
                await LoadAsync(client, "/bench/echo", body, RoundLength, echo);
            }

            var runs = server.Runs;
            Console.WriteLine($"{Concurrency} concurrent clients, {Rounds} rounds x {RoundLength.TotalSeconds} s per side; body {body.Length} B; " +
                $"served {served.Count} requests in {runs} ONNX Runtime calls ({(double)served.Count / Math.Max(1, runs):F2} rows per call); " +
                $"echo p50 {echo.Percentile(50):F3} ms, p99 {echo.Percentile(99):F3} ms; served errors {served.Errors}, echo errors {echo.Errors}");
            return new
            {
                served_rps = Math.Round(served.Rate),
                echo_rps = Math.Round(echo.Rate),
                ratio = Math.Round(served.Rate / echo.Rate, 3),
                p50_ms = Math.Round(served.Percentile(50), 3),
                p99_ms = Math.Round(served.Percentile(99), 3),
                bare_ort_us = Math.Round(bareUs, 2),
                execution_provider = server.ExecutionProvider,
                onnxruntime_flavour = OnnxRuntimeCheck.Flavour,
            };
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task LoadAsync(HttpClient client, string url, byte[] body, TimeSpan length, LoadResult result)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(64 * 1024);
            var errors = 0;
            while (clock.Elapsed < length)
            {
                var began = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                errors += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }

            return (latencies, errors);
        })).ToArray();
        var done = await Task.WhenAll(workers);
        result.Add(done.SelectMany(d => d.latencies), done.Sum(d => d.errors), clock.Elapsed.TotalSeconds);
    }

    /// <summary>Median microseconds of one-row Run calls on a session set up as the serving host sets up its own (one intra-op thread).</summary>
    private static double MeasureBare(byte[] model, float[][] rows)
    {
        var (session, _) = OnnxSessionFactory.Create(model, new EvaluationOptions { IntraOpThreads = 1 });
        using (session)
        using (var runOptions = new RunOptions())
        {
            var features = rows[0].Length;
            var buffer = new float[features];
            using var input = OrtValue.CreateTensorValueFromMemory(buffer, [1L, features]);
            var samples = new List<double>();
            for (var i = 0; i < 25_000; i++)
            {
                rows[i % rows.Length].CopyTo(buffer, 0);
                var began = Stopwatch.GetTimestamp();
                using var outputs = session.Run(runOptions, [OnnxNames.Features], [input], [OnnxNames.Label, OnnxNames.Probabilities]);
                if (i >= 5_000)
                {
                    samples.Add(Stopwatch.GetElapsedTime(began).TotalMicroseconds);
                }
            }

            return Percentile.Of(samples, 50);
        }
    }

    private static (byte[] Model, FeatureTable Table) Train()
    {
        var dataset = CsvDatasetReader.ReadFile(
            Path.Combine(Platform.Integration.Tests.Support.TestServices.Root, "samples", "datasets", "breast-cancer.csv"), new CsvReadOptions { AllColumnsNumeric = true });
        var table = FeatureTableBuilder.Build(dataset, "benign", TrainingTask.BinaryClassification);
        var hyperparameters = new Dictionary<string, string> { ["numberOfIterations"] = "100", ["numberOfLeaves"] = "10" };
        var trained = ModelTrainer.Train(new TrainingRequest(TrainingTask.BinaryClassification, TrainerKind.FastTree, table, table, hyperparameters, 7, "benign"));
        return (OnnxModelExporter.Export(trained), table);
    }

    private static JsonObject Records(IReadOnlyList<string> names, float[] row)
    {
        var record = new JsonObject();
        for (var i = 0; i < row.Length; i++)
        {
            record[names[i]] = row[i];
        }

        return new JsonObject { ["records"] = new JsonArray(record) };
    }

    private sealed class LoadResult
    {
        private readonly List<double> _latencies = [];
        private double _seconds;

        public int Count => _latencies.Count;

        public int Errors { get; private set; }

        public double Rate => Count / _seconds;

        public void Add(IEnumerable<double> latencies, int errors, double seconds)
        {
            _latencies.AddRange(latencies);
            Errors += errors;
            _seconds += seconds;
        }

        public double Percentile(double percent) => Platform.MachineLearning.Evaluation.Percentile.Of(_latencies, percent);
    }
}
