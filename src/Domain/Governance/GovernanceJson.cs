using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Domain.Governance;

/// <summary>How policies and evidence are kept as JSON: the API's shape (camelCase, enums by name), so they are shown as stored.</summary>
internal static class GovernanceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static List<T> ReadList<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
