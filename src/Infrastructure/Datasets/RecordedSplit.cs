using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>
/// A dataset version's split as stored (<c>DatasetVersion.SplitJson</c>): how the rows divide — seeded fractions or a
/// column — and the rows in each part. The definition rebuilds the same split from the same file.
/// </summary>
internal sealed record RecordedSplit(SplitDefinition Definition, SplitRows Rows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static RecordedSplit Of(SplitDefinition definition, DatasetSplit split) =>
        new(definition, new SplitRows(split.Train.Count, split.Validation.Count, split.Test.Count));

    /// <returns>Null for a version uploaded before splits were recorded (stored as <c>{}</c>).</returns>
    public static RecordedSplit? Read(JsonElement stored) =>
        stored.TryGetProperty("definition", out _) ? stored.Deserialize<RecordedSplit>(Json) : null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

internal static class SplitDefinitions
{
    public static SplitDefinition From(DatasetSplitRequest request) => request.Column is { } column
        ? SplitDefinition.OnColumn(column)
        : SplitDefinition.Seeded(request.Seed, request.ValidationFraction, request.TestFraction);
}

internal sealed record SplitRows(int Train, int Validation, int Test);
