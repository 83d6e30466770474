using System.Text.Json;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;
using Platform.Serving.Models;

namespace Platform.Serving.Protocol;

/// <summary>
/// The <c>/predict</c> response, one prediction per record: <c>{"model_name", "model_version", "predictions": [...]}</c>.
/// Platform classifiers give <c>{"label": class, "probabilities": {class: p}}</c>, regressors <c>{"score": v}</c>; any
/// other model gives each output by name, a number when it has one value per row and an array otherwise.
/// </summary>
public static class PredictionWriter
{
    public static void Write(Utf8JsonWriter writer, string endpoint, string version, ModelSchema schema, NamedTensor[] outputs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(outputs);
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, endpoint);
        writer.WriteString("model_version"u8, version);
        writer.WriteStartArray("predictions"u8);
        var rows = outputs.Length == 0 ? 0 : outputs[0].Rows;
        var classifier = schema.Platform is { Task: not TrainingTask.Regression } ? schema.Platform : null;
        var label = Array.FindIndex(outputs, o => o.Name == OnnxNames.Label);
        var probabilities = Array.FindIndex(outputs, o => o.Name == OnnxNames.Probabilities);
        for (var row = 0; row < rows; row++)
        {
            writer.WriteStartObject();
            if (classifier is not null && label >= 0 && probabilities >= 0)
            {
                WriteClassification(writer, classifier.Classes, outputs[label], outputs[probabilities], row);
            }
            else
            {
                WriteOutputs(writer, outputs, row);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteClassification(Utf8JsonWriter writer, IReadOnlyList<string> classes, NamedTensor label, NamedTensor probabilities, int row)
    {
        var index = ((long[])label.Data)[row];
        if (index >= 0 && index < classes.Count)
        {
            writer.WriteString("label"u8, classes[(int)index]);
        }
        else
        {
            writer.WriteNumber("label"u8, index);
        }

        writer.WriteStartObject("probabilities"u8);
        var values = (float[])probabilities.Data;
        var perRow = TensorJson.PerRow(probabilities);
        for (var c = 0; c < perRow; c++)
        {
            writer.WritePropertyName(c < classes.Count ? classes[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            TensorJson.WriteFloat(writer, values[(row * perRow) + c]);
        }

        writer.WriteEndObject();
    }

    private static void WriteOutputs(Utf8JsonWriter writer, NamedTensor[] outputs, int row)
    {
        foreach (var output in outputs)
        {
            var perRow = TensorJson.PerRow(output);
            writer.WritePropertyName(output.Name);
            if (perRow == 1)
            {
                TensorJson.WriteElements(writer, output.Data, row, 1);
                continue;
            }

            writer.WriteStartArray();
            TensorJson.WriteElements(writer, output.Data, row * perRow, perRow);
            writer.WriteEndArray();
        }
    }
}
