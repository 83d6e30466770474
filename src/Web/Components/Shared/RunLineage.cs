using System.Text.Json;

namespace Platform.Web.Components.Shared;

/// <summary>What a run's training job says about where the run came from.</summary>
public static class RunLineage
{
    /// <summary>"name vN" from a Train job's parameters (<c>dataset</c>, <c>datasetVersion</c>), or null when they name none.</summary>
    public static string? Dataset(string parametersJson)
    {
        try
        {
            using var document = JsonDocument.Parse(parametersJson);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dataset", out var name) && name.ValueKind == JsonValueKind.String
                ? root.TryGetProperty("datasetVersion", out var v) && v.ValueKind == JsonValueKind.Number ? $"{name.GetString()} v{v.GetInt32()}" : name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
