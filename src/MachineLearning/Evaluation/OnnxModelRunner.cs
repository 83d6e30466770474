using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// Runs an exported model with ONNX Runtime through the OrtValue API (numeric inputs pinned in place, no
/// NamedOnnxValue copies): rows in batches, or one row at a time for latency. Reads the model's
/// <see cref="OnnxModelMetadata"/> on load. A model with categorical features also takes their raw values as the
/// string input <c>categories</c>.
/// </summary>
public sealed class OnnxModelRunner : IDisposable
{
    private static readonly string[] ClassificationOutputs = [OnnxNames.Label, OnnxNames.Probabilities];
    private static readonly string[] RegressionOutputs = [OnnxNames.Score];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _outputNames;
    private readonly string[] _inputNames;

    public OnnxModelRunner(byte[] model, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        (_session, Provider) = OnnxSessionFactory.Create(model, options ?? new EvaluationOptions());
        try
        {
            Metadata = OnnxModelMetadata.FromProperties(_session.ModelMetadata.CustomMetadataMap);
        }
        catch
        {
            _session.Dispose();
            _runOptions.Dispose();
            throw;
        }

        _outputNames = IsRegression ? RegressionOutputs : ClassificationOutputs;
        _inputNames = [.. _session.InputNames];
    }

    public OnnxModelMetadata Metadata { get; }

    public ExecutionProviderReport Provider { get; }

    private bool IsRegression => Metadata.Task == Training.TrainingTask.Regression;

    private int FeatureCount => Metadata.FeatureNames.Count;

    /// <summary>Runs all rows of a model without categorical features, <paramref name="batchSize"/> at a time.</summary>
    public ModelOutputs Run(IReadOnlyList<float[]> rows, int batchSize = 256, CancellationToken cancellationToken = default) =>
        Run(rows, null, batchSize, cancellationToken);

    /// <summary>Runs all rows, <paramref name="batchSize"/> at a time; <paramref name="categories"/> per row for a model with categorical features.</summary>
    public ModelOutputs Run(IReadOnlyList<float[]> rows, IReadOnlyList<string?[]>? categories, int batchSize = 256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var classCount = Metadata.Classes.Count;
        var labels = IsRegression ? null : new long[rows.Count];
        var probabilities = IsRegression ? null : new float[rows.Count][];
        var scores = IsRegression ? new float[rows.Count] : null;
        var timings = new List<double>();
        var buffer = new float[Math.Min(batchSize, Math.Max(rows.Count, 1)) * FeatureCount];
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, rows.Count - start);
            using var inputs = Inputs(rows, categories, start, count, buffer);
            var began = Stopwatch.GetTimestamp();
            using var outputs = _session.Run(_runOptions, _inputNames, inputs.Values, _outputNames);
            timings.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            if (scores is not null)
            {
                outputs[0].GetTensorDataAsSpan<float>().CopyTo(scores.AsSpan(start, count));
                continue;
            }

            outputs[0].GetTensorDataAsSpan<long>().CopyTo(labels.AsSpan(start, count));
            var flat = outputs[1].GetTensorDataAsSpan<float>();
            for (var r = 0; r < count; r++)
            {
                probabilities![start + r] = flat.Slice(r * classCount, classCount).ToArray();
            }
        }

        return new ModelOutputs(labels, probabilities, scores, timings);
    }

    /// <summary>Runs each row alone and returns each call's wall time in microseconds.</summary>
    public double[] MeasureRowLatency(IReadOnlyList<float[]> rows, IReadOnlyList<string?[]>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buffer = new float[FeatureCount];
        var latencies = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            using var inputs = Inputs(rows, categories, i, 1, buffer);
            var began = Stopwatch.GetTimestamp();
            using var outputs = _session.Run(_runOptions, _inputNames, inputs.Values, _outputNames);
            latencies[i] = Stopwatch.GetElapsedTime(began).TotalMicroseconds;
        }

        return latencies;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private OnnxInputs Inputs(IReadOnlyList<float[]> rows, IReadOnlyList<string?[]>? categories, int start, int count, float[] buffer) =>
        OnnxInputs.Create(_inputNames, Metadata, rows, categories, start, count, buffer);
}
