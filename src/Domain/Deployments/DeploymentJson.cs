using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Domain.Deployments;

/// <summary>How traffic splits and policies are kept as JSON: the API's shape (camelCase, enums by name).</summary>
internal static class DeploymentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null");
}
