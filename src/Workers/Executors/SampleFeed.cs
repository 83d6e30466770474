using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;

namespace Platform.Workers.Executors;

/// <summary>
/// One-row inputs for a deploy check. A model with one Float input [N, F] gets real rows: the features (by the model's
/// <c>feature_names</c> metadata, else the dataset's columns but the label) of the training dataset's test part, a
/// different row each run. Any other model gets zeros (empty strings for a string input, such as the raw categories of a
/// model with categorical features) of each input's shape (dynamic dimensions as 1).
/// </summary>
internal sealed class SampleFeed : IDisposable
{
    private const int MaxRows = 1000;

    private readonly List<OrtValue> _values = [];
    private readonly float[][] _rows;
    private readonly float[]? _buffer;

    private SampleFeed(string[] names, string source, float[][] rows, float[]? buffer)
    {
        Names = names;
        Source = source;
        _rows = rows;
        _buffer = buffer;
    }

    public string[] Names { get; }

    public IReadOnlyList<OrtValue> Values => _values;

    /// <summary>"dataset NAME vVERSION (test part)" or "zeros".</summary>
    public string Source { get; }

    public static SampleFeed Create(InferenceSession session, IReadOnlyList<DeployTensor> inputs, Dataset? sample, DeployVersionInput version)
    {
        if (sample is not null && inputs is [{ ElementType: "Float", Shape: [_, > 0 and var width] } single]
            && Rows(session, sample, version.LabelColumn, (int)width) is { Length: > 0 } rows)
        {
            var buffer = new float[width];
            var feed = new SampleFeed([single.Name], $"dataset {version.Dataset} v{version.DatasetVersion} (test part, {rows.Length} rows)", rows, buffer);
            feed._values.Add(OrtValue.CreateTensorValueFromMemory(buffer, [1L, width]));
            return feed;
        }

        var zeros = new SampleFeed([.. inputs.Select(i => i.Name)], "zeros", [], null);
        try
        {
            foreach (var input in inputs)
            {
                zeros._values.Add(Zeros(input, version.Version));
            }
        }
        catch
        {
            zeros.Dispose();
            throw;
        }

        return zeros;
    }

    /// <summary>Puts run <paramref name="run"/>'s row in place (nothing to do for zeros).</summary>
    public void Next(int run)
    {
        if (_buffer is not null)
        {
            _rows[((run % _rows.Length) + _rows.Length) % _rows.Length].CopyTo(_buffer, 0);
        }
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
    }

    private static float[][]? Rows(InferenceSession session, Dataset sample, string? label, int width)
    {
        var features = session.ModelMetadata.CustomMetadataMap.TryGetValue("feature_names", out var json)
            ? JsonSerializer.Deserialize<string[]>(json) ?? []
            : [.. sample.ColumnNames.Where(c => c != label)];
        if (features.Length != width || features.Any(f => !sample.ColumnNames.Contains(f)))
        {
            return null;
        }

        var columns = features.Select(sample.IndexOf).ToArray();
        return [.. sample.Rows.Take(MaxRows).Select(row => columns.Select(c =>
            row[c] is { } text && InvariantNumber.TryParseSingle(text, out var value) ? value : float.NaN).ToArray())];
    }

    private static OrtValue Zeros(DeployTensor input, int version)
    {
        long[] shape = [.. input.Shape.Select(d => d > 0 ? d : 1)];
        var count = (int)ShapeUtils.GetSizeForShape(shape);
        return input.ElementType switch
        {
            "Float" => OrtValue.CreateTensorValueFromMemory(new float[count], shape),
            "Double" => OrtValue.CreateTensorValueFromMemory(new double[count], shape),
            "Int64" => OrtValue.CreateTensorValueFromMemory(new long[count], shape),
            "Int32" => OrtValue.CreateTensorValueFromMemory(new int[count], shape),
            "Int16" => OrtValue.CreateTensorValueFromMemory(new short[count], shape),
            "Int8" => OrtValue.CreateTensorValueFromMemory(new sbyte[count], shape),
            "UInt8" => OrtValue.CreateTensorValueFromMemory(new byte[count], shape),
            "Bool" => OrtValue.CreateTensorValueFromMemory(new bool[count], shape),
            "String" => OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape),
            _ => throw new JobInputException($"Version {version}'s input '{input.Name}' is {input.ElementType}; the deploy check builds numeric, boolean and string samples only."),
        };
    }
}
