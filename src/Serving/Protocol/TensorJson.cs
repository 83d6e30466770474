using System.Text.Json;
using Platform.Serving.Models;

namespace Platform.Serving.Protocol;

/// <summary>Writes tensor elements as JSON values; non-finite floats as the strings "NaN", "Infinity", "-Infinity".</summary>
internal static class TensorJson
{
    /// <summary>Elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of <paramref name="data"/>, without brackets.</summary>
    public static void WriteElements(Utf8JsonWriter writer, Array data, int start, int count)
    {
        switch (data)
        {
            case float[] floats:
                foreach (var value in floats.AsSpan(start, count))
                {
                    WriteFloat(writer, value);
                }

                break;
            case double[] doubles:
                foreach (var value in doubles.AsSpan(start, count))
                {
                    WriteDouble(writer, value);
                }

                break;
            case long[] longs:
                foreach (var value in longs.AsSpan(start, count))
                {
                    writer.WriteNumberValue(value);
                }

                break;
            case int[] ints:
                foreach (var value in ints.AsSpan(start, count))
                {
                    writer.WriteNumberValue(value);
                }

                break;
            case bool[] bools:
                foreach (var value in bools.AsSpan(start, count))
                {
                    writer.WriteBooleanValue(value);
                }

                break;
            default:
                throw new NotSupportedException($"Cannot write {data.GetType().Name} as tensor data.");
        }
    }

    public static void WriteFloat(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static int PerRow(NamedTensor tensor) =>
        tensor.Shape.Length == 0 ? 1 : (int)NamedTensor.ElementCount(tensor.Shape.AsSpan(1));
}
