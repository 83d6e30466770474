using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// Runs an exported model with ONNX Runtime through the OrtValue API (inputs pinned in place, no
/// NamedOnnxValue copies): rows in batches, or one row at a time for latency. Reads the model's
/// <see cref="OnnxModelMetadata"/> on load.
/// </summary>
public sealed class OnnxModelRunner : IDisposable
{
    private static readonly string[] InputNames = [OnnxNames.Features];
    private static readonly string[] ClassificationOutputs = [OnnxNames.Label, OnnxNames.Probabilities];
    private static readonly string[] RegressionOutputs = [OnnxNames.Score];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _outputNames;

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
    }

    public OnnxModelMetadata Metadata { get; }

    public ExecutionProviderReport Provider { get; }

    private bool IsRegression => Metadata.Task == Training.TrainingTask.Regression;

    private int FeatureCount => Metadata.FeatureNames.Count;

    /// <summary>Runs all rows, <paramref name="batchSize"/> at a time.</summary>
    public ModelOutputs Run(IReadOnlyList<float[]> rows, int batchSize = 256, CancellationToken cancellationToken = default)
    {
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
            for (var r = 0; r < count; r++)
            {
                CopyRow(rows[start + r], buffer.AsSpan(r * FeatureCount, FeatureCount));
            }

            var began = Stopwatch.GetTimestamp();
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * FeatureCount), [count, FeatureCount]);
            using var outputs = _session.Run(_runOptions, InputNames, [input], _outputNames);
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
    public double[] MeasureRowLatency(IReadOnlyList<float[]> rows)
    {
        var buffer = new float[FeatureCount];
        using var input = OrtValue.CreateTensorValueFromMemory(buffer, [1L, FeatureCount]);
        var latencies = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            CopyRow(rows[i], buffer);
            var began = Stopwatch.GetTimestamp();
            using var outputs = _session.Run(_runOptions, InputNames, [input], _outputNames);
            latencies[i] = Stopwatch.GetElapsedTime(began).TotalMicroseconds;
        }

        return latencies;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private void CopyRow(float[] row, Span<float> destination)
    {
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"A row has {row.Length} features; the model takes {FeatureCount}.", nameof(row));
        }

        row.CopyTo(destination);
    }
}
