using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Serving.Protocol;

/// <summary>Why a body is not JSON, in words: System.Text.Json's reason without its line and byte positions.</summary>
internal static partial class JsonFault
{
    public static string Describe(JsonException exception) => "The body is not valid JSON: " + Position().Replace(exception.Message, "").Trim();

    [GeneratedRegex(@"\s*(Path: .*|LineNumber: .*|BytePositionInLine: .*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
