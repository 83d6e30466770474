using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// One call's inputs for an exported model, in the session's input order: rows of numeric features as <c>features</c>
/// float [count, F] (pinned in the caller's buffer), and their categorical values as <c>categories</c> string
/// [count, C] (copied: strings cannot be pinned; a missing value is the empty string).
/// </summary>
internal sealed class OnnxInputs : IDisposable
{
    public List<OrtValue> Values { get; } = [];

    public static OnnxInputs Create(
        string[] names, OnnxModelMetadata metadata, IReadOnlyList<float[]> rows, IReadOnlyList<string?[]>? categories, int start, int count, float[] buffer)
    {
        var inputs = new OnnxInputs();
        try
        {
            foreach (var name in names)
            {
                inputs.Values.Add(name == OnnxNames.Categories ? Strings(metadata, categories, start, count) : Numbers(metadata, rows, start, count, buffer));
            }

            return inputs;
        }
        catch
        {
            inputs.Dispose();
            throw;
        }
    }

    public void Dispose() => Values.ForEach(v => v.Dispose());

    private static OrtValue Numbers(OnnxModelMetadata metadata, IReadOnlyList<float[]> rows, int start, int count, float[] buffer)
    {
        var width = metadata.FeatureNames.Count;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            if (row.Length != width)
            {
                throw new ArgumentException($"A row has {row.Length} features; the model takes {width}.", nameof(rows));
            }

            row.CopyTo(buffer.AsSpan(r * width, width));
        }

        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * width), [count, width]);
    }

    private static OrtValue Strings(OnnxModelMetadata metadata, IReadOnlyList<string?[]>? categories, int start, int count)
    {
        var width = metadata.CategoricalFeatureNames.Count;
        if (categories is null || categories.Count < start + count)
        {
            throw new ArgumentException(
                $"The model takes {width} categorical features ({string.Join(", ", metadata.CategoricalFeatureNames)}); give them per row.", nameof(categories));
        }

        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [count, width]);
        for (var r = 0; r < count; r++)
        {
            var row = categories[start + r];
            for (var c = 0; c < width; c++)
            {
                value.StringTensorSetElementAt((row[c] ?? "").AsSpan(), (r * width) + c);
            }
        }

        return value;
    }
}
