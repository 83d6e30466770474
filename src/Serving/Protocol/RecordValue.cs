using System.Text.Json;
using static Platform.Serving.Protocol.InvalidInputException;

namespace Platform.Serving.Protocol;

/// <summary>
/// One feature value of a JSON record: for a numeric feature a number, null (missing, NaN), or "NaN"/"Infinity"/"-Infinity";
/// for a categorical one a string, a number or a boolean as written, or null (missing: the empty string).
/// </summary>
internal static class RecordValue
{
    public static float Read(ref Utf8JsonReader reader, string input, int record, string feature)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetSingle(out var value):
                return value;
            case JsonTokenType.Null:
                return float.NaN;
            case JsonTokenType.String when reader.ValueTextEquals("NaN"u8):
                return float.NaN;
            case JsonTokenType.String when reader.ValueTextEquals("Infinity"u8):
                return float.PositiveInfinity;
            case JsonTokenType.String when reader.ValueTextEquals("-Infinity"u8):
                return float.NegativeInfinity;
            default:
                var shown = reader.TokenType == JsonTokenType.String ? $"the string \"{reader.GetString()}\"" : reader.TokenType.ToString().ToLowerInvariant();
                throw new InvalidInputException(input, NonNumeric, $"Record {record}, feature '{feature}' is {shown}, not a number.", feature);
        }
    }

    public static string ReadCategory(ref Utf8JsonReader reader, string input, int record, string feature) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "",
        var other => throw new InvalidInputException(
            input, NonNumeric, $"Record {record}, feature '{feature}' is {(other == JsonTokenType.StartObject ? "an object" : "an array")}, not a category (a string).", feature),
    };
}
