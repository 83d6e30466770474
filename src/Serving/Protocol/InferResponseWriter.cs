using System.Text.Json;
using Platform.Serving.Models;

namespace Platform.Serving.Protocol;

/// <summary>The v2 inference response: <c>{"model_name", "model_version", "id", "outputs": [{name, datatype, shape, data}]}</c>, data flat row-major.</summary>
internal static class InferResponseWriter
{
    public static void Write(Utf8JsonWriter writer, LoadedModel model, InferenceRequest request, NamedTensor[] outputs)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, model.Endpoint);
        writer.WriteString("model_version"u8, model.Version);
        if (request.Id is { } id)
        {
            writer.WriteString("id"u8, id);
        }

        writer.WriteStartArray("outputs"u8);
        foreach (var output in outputs)
        {
            if (request.Outputs is { } wanted && Array.IndexOf(wanted, output.Name) < 0)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("name"u8, output.Name);
            writer.WriteString("datatype"u8, output.Datatype.ToWire());
            writer.WriteStartArray("shape"u8);
            foreach (var dimension in output.Shape)
            {
                writer.WriteNumberValue(dimension);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("data"u8);
            TensorJson.WriteElements(writer, output.Data, 0, output.Data.Length);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
