using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;

namespace Platform.Benchmarks;

/// <summary>
/// Rows per second through our evaluator (ONNX Runtime in batches of 256, plus metrics and the per-row latency sample it
/// always takes) versus bare <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// over the same model and rows in the same batches. The model is a LightGBM multiclass ensemble trained on digits
/// (10 classes x 100 trees); the rows are digits repeated to about 100,000. The two sides alternate, five times each;
/// medians are compared.
/// </summary>
internal static class EvaluationBenchmark
{
    private const int Repeats = 5;
    private const int BatchSize = 256;

    public static Task<object> RunAsync()
    {
        var digits = CsvDatasetReader.ReadFile(Path.Combine(Platform.Integration.Tests.Support.TestServices.Root, "samples", "datasets", "digits.csv"), new CsvReadOptions { AllColumnsNumeric = true });
        var table = FeatureTableBuilder.Build(digits, "digit", TrainingTask.MulticlassClassification);
        var hyperparameters = new Dictionary<string, string> { ["numberOfIterations"] = "100", ["numberOfLeaves"] = "15" };
        var trained = ModelTrainer.Train(new TrainingRequest(TrainingTask.MulticlassClassification, TrainerKind.LightGbm, table, null, hyperparameters, 7, "digit"));
        var model = OnnxModelExporter.Export(trained);
        var copies = (int)Math.Ceiling(100_000.0 / table.RowCount);
        var rows = Enumerable.Repeat(table.Rows, copies).SelectMany(r => r).ToArray();
        var big = table with { Rows = rows, Labels = [.. Enumerable.Repeat(table.Labels, copies).SelectMany(l => l)] };

        string? provider = null;
        var evaluator = new List<double>();
        var bare = new List<double>();
        using var session = new InferenceSession(model);
        for (var i = 0; i < Repeats + 1; i++)
        {
            var bareSeconds = Time(() => RunBare(session, rows, table.FeatureNames.Count));
            var evaluatorSeconds = Time(() => provider = OnnxModelEvaluator.Evaluate(model, big, new EvaluationOptions { BatchSize = BatchSize }).ExecutionProvider.Used);
            if (i > 0)
            {
                bare.Add(rows.Length / bareSeconds);
                evaluator.Add(rows.Length / evaluatorSeconds);
            }
        }

        var evaluatorRate = Percentile.Of(evaluator, 50);
        var bareRate = Percentile.Of(bare, 50);
        Console.WriteLine($"{rows.Length:N0} rows x {table.FeatureNames.Count} features, model {model.Length / 1024} KiB, {Repeats} runs per side");
        return Task.FromResult<object>(new
        {
            evaluator_rows_per_s = Math.Round(evaluatorRate),
            bare_rows_per_s = Math.Round(bareRate),
            ratio = Math.Round(evaluatorRate / bareRate, 3),
            execution_provider = provider,
            onnxruntime_flavour = OnnxRuntimeCheck.Flavour,
        });
    }

    /// <summary>The floor: copy each batch into one buffer, run, read the outputs; nothing else.</summary>
    private static void RunBare(InferenceSession session, float[][] rows, int features)
    {
        using var options = new RunOptions();
        var buffer = new float[BatchSize * features];
        string[] inputs = [OnnxNames.Features];
        string[] outputs = [OnnxNames.Label, OnnxNames.Probabilities];
        long sink = 0;
        for (var start = 0; start < rows.Length; start += BatchSize)
        {
            var count = Math.Min(BatchSize, rows.Length - start);
            for (var r = 0; r < count; r++)
            {
                rows[start + r].CopyTo(buffer, r * features);
            }

            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * features), [count, features]);
            using var results = session.Run(options, inputs, [input], outputs);
            sink += results[0].GetTensorDataAsSpan<long>()[0];
        }

        GC.KeepAlive(sink);
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
