using System.Text.Json;
using Platform.Serving.Models;
using static Platform.Serving.Protocol.InvalidInputException;

namespace Platform.Serving.Protocol;

/// <summary>Writes a v2 <c>data</c> array (flat or nested) into a typed element array, faulting on elements of the wrong type or surplus ones.</summary>
internal sealed class TensorValues(string tensor, TensorDatatype datatype, int capacity)
{
    public Array Data { get; } = datatype.NewArray(capacity);

    /// <summary>Elements seen, which may exceed the capacity by one (then the count is wrong and the caller says so).</summary>
    public int Written { get; private set; }

    public void Fill(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Add(element);
            return;
        }

        foreach (var item in element.EnumerateArray())
        {
            if (Written > capacity)
            {
                return;
            }

            Fill(item);
        }
    }

    private void Add(JsonElement value)
    {
        if (Written >= capacity)
        {
            Written++;
            return;
        }

        var index = Written++;
        var ok = datatype switch
        {
            TensorDatatype.Fp32 => TryDouble(value, out var f) && Store((float[])Data, index, (float)f),
            TensorDatatype.Fp64 => TryDouble(value, out var g) && Store((double[])Data, index, g),
            TensorDatatype.Int64 => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) && Store((long[])Data, index, l),
            TensorDatatype.Int32 => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && Store((int[])Data, index, i),
            TensorDatatype.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False && Store((bool[])Data, index, value.GetBoolean()),
            TensorDatatype.Bytes => value.ValueKind == JsonValueKind.String && Store((string[])Data, index, value.GetString()!),
            _ => false,
        };
        if (!ok)
        {
            var expected = datatype switch
            {
                TensorDatatype.Bool => "true or false",
                TensorDatatype.Int32 or TensorDatatype.Int64 => "a whole number in range",
                TensorDatatype.Bytes => "a string",
                _ => "a number",
            };
            throw new InvalidInputException(tensor, NonNumeric, $"Input '{tensor}' element {index} is {Describe(value)}, not {expected} ({datatype.ToWire()}).");
        }
    }

    /// <summary>A JSON number, or one of the strings "NaN", "Infinity", "-Infinity" (JSON has no literal for them).</summary>
    private static bool TryDouble(JsonElement value, out double result)
    {
        result = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out result),
            JsonValueKind.String => value.GetString() switch
            {
                "NaN" => Set(double.NaN, out result),
                "Infinity" => Set(double.PositiveInfinity, out result),
                "-Infinity" => Set(double.NegativeInfinity, out result),
                _ => false,
            },
            _ => false,
        };
    }

    private static bool Set(double value, out double result)
    {
        result = value;
        return true;
    }

    private static bool Store<T>(T[] data, int index, T value)
    {
        data[index] = value;
        return true;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => value.GetRawText(),
    };

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
