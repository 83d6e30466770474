using System.Text.Json;

namespace Platform.Web.Components.Shared;

/// <summary>JSON shown to people: indented, or as it came when it is not JSON.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "none";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    public static string Pretty(JsonElement? element) => element is { } e && e.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
        ? JsonSerializer.Serialize(e, Indented)
        : "none";
}
