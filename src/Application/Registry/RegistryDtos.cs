using System.Text.Json;
using Platform.Domain.Registry;

namespace Platform.Application.Registry;

public sealed record ModelDto(Guid Id, string Name, string? Description, int LatestVersion, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static ModelDto From(RegisteredModel m) => new(m.Id, m.Name, m.Description, m.LatestVersion, m.CreatedBy, m.CreatedAt);
}

/// <summary>A model version: schema, lineage and metrics as JSON objects.</summary>
public sealed record ModelVersionDto(
    string Model, int Version, ModelStage Stage, string ArtifactSha256, long SizeBytes, JsonElement Inputs, JsonElement Outputs,
    JsonElement Lineage, JsonElement Metrics, string? ModelCard, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, string> Tags)
{
    public static ModelVersionDto From(string model, ModelVersion v, IReadOnlyDictionary<string, string>? tags = null) => new(
        model, v.Number, v.Stage, v.ArtifactSha256, v.SizeBytes, RegistryJson.Element(v.InputSchemaJson), RegistryJson.Element(v.OutputSchemaJson),
        RegistryJson.Element(v.LineageJson), RegistryJson.Element(v.MetricsJson), v.ModelCard, v.CreatedBy, v.CreatedAt, tags ?? new Dictionary<string, string>());
}

/// <summary>An evaluation of a version on one part of a dataset version; the whole report only when asked for.</summary>
public sealed record ModelEvaluationDto(
    Guid Id, string Model, int Version, string Dataset, int DatasetVersion, string DatasetSha256, string Split, JsonElement Metrics,
    Guid JobId, DateTimeOffset CreatedAt, JsonElement? Report)
{
    public static ModelEvaluationDto From(string model, int version, ModelEvaluation e, bool withReport) => new(
        e.Id, model, version, e.DatasetName, e.DatasetVersion, e.DatasetSha256, e.Split, RegistryJson.Element(e.MetricsJson), e.JobId, e.CreatedAt,
        withReport ? RegistryJson.Element(e.ReportJson) : null);
}

internal static class RegistryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
