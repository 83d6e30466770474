using System.Text.Json;
using Platform.Serving.Models;
using static Platform.Serving.Protocol.InvalidInputException;

namespace Platform.Serving.Protocol;

/// <summary>
/// Reads an Open Inference Protocol request body (<c>{"id", "inputs": [{name, shape, datatype, data}], "outputs"}</c>)
/// against a model's schema. <c>data</c> may be flat or nested row-major. Every fault names its tensor.
/// </summary>
public static class InferRequestReader
{
    /// <summary>Largest tensor accepted, in elements.</summary>
    public const long MaxElements = 1 << 24;

    public static InferenceRequest Read(JsonElement root, ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException(null, Malformed, "The request body must be a JSON object with an 'inputs' array.");
        }

        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array || inputs.GetArrayLength() == 0)
        {
            throw new InvalidInputException(null, Malformed, $"The request has no 'inputs' array; the model takes {Describe(schema.Inputs)}.");
        }

        var tensors = new NamedTensor?[schema.Inputs.Count];
        foreach (var input in inputs.EnumerateArray())
        {
            var name = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (name is null)
            {
                throw new InvalidInputException(null, Malformed, "Each input needs a 'name'.");
            }

            var index = schema.Inputs.ToList().FindIndex(i => i.Name == name);
            if (index < 0)
            {
                throw new InvalidInputException(name, UnknownInput, $"Input '{name}' is not an input of this model; it takes {Describe(schema.Inputs)}.");
            }

            if (tensors[index] is not null)
            {
                throw new InvalidInputException(name, DuplicateInput, $"Input '{name}' appears more than once.");
            }

            tensors[index] = ReadTensor(input, schema.Inputs[index]);
        }

        var missing = schema.Inputs.Where((_, i) => tensors[i] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidInputException(missing[0].Name, MissingInput, $"Input '{missing[0].Name}' is missing; the model takes {Describe(schema.Inputs)}.");
        }

        return new InferenceRequest(id, tensors!, ReadOutputs(root, schema));
    }

    private static NamedTensor ReadTensor(JsonElement input, TensorSpec spec)
    {
        var name = spec.Name;
        var datatypeText = input.TryGetProperty("datatype", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        var datatype = TensorDatatypes.FromWire(datatypeText);
        if (datatype != spec.Datatype || datatype == TensorDatatype.Unsupported)
        {
            throw new InvalidInputException(name, Datatype, $"Input '{name}' has datatype '{datatypeText ?? "(none)"}'; the model takes {spec.Datatype.ToWire()}.");
        }

        var shape = ReadShape(input, spec);
        var count = NamedTensor.ElementCount(shape);
        if (count > MaxElements)
        {
            throw new InvalidInputException(name, Shape, $"Input '{name}' has {count} elements; this server takes at most {MaxElements} per tensor.");
        }

        if (!input.TryGetProperty("data", out var data))
        {
            throw new InvalidInputException(name, ElementCount, $"Input '{name}' has no 'data'; its shape {Text(shape)} needs {count} elements.");
        }

        var values = new TensorValues(name, datatype, (int)count);
        values.Fill(data);
        if (values.Written != count)
        {
            throw new InvalidInputException(name, ElementCount, $"Input '{name}' has {values.Written} elements; its shape {Text(shape)} needs {count}.");
        }

        return new NamedTensor(name, datatype, shape, values.Data);
    }

    private static long[] ReadShape(JsonElement input, TensorSpec spec)
    {
        var name = spec.Name;
        if (!input.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException(name, Shape, $"Input '{name}' has no 'shape'; the model takes {spec.ShapeText}.");
        }

        var shape = new long[shapeElement.GetArrayLength()];
        var i = 0;
        foreach (var dimension in shapeElement.EnumerateArray())
        {
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt64(out shape[i]) || shape[i] < 0)
            {
                throw new InvalidInputException(name, Shape, $"Input '{name}' has a shape dimension that is not a whole number of 0 or more.");
            }

            i++;
        }

        var fits = shape.Length == spec.Shape.Count && shape.Select((dimension, k) => spec.Shape[k] < 0 || spec.Shape[k] == dimension).All(ok => ok);
        return fits ? shape : throw new InvalidInputException(name, Shape, $"Input '{name}' has shape {Text(shape)}; the model takes {spec.ShapeText}.");
    }

    private static string[]? ReadOutputs(JsonElement root, ModelSchema schema)
    {
        if (!root.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var output in outputs.EnumerateArray())
        {
            var name = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (name is null || !schema.OutputNames.Contains(name))
            {
                throw new InvalidInputException(name, UnknownOutput, $"Output '{name}' is not an output of this model; it has {Describe(schema.Outputs)}.");
            }

            names.Add(name);
        }

        return [.. names];
    }

    private static string Describe(IEnumerable<TensorSpec> tensors) =>
        string.Join(", ", tensors.Select(t => $"'{t.Name}' ({t.Datatype.ToWire()} {t.ShapeText})"));

    private static string Text(long[] shape) => $"[{string.Join(',', shape)}]";
}
