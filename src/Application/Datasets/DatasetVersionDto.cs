using System.Text.Json;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets;

/// <summary>
/// A dataset version with its train / validation / test split; <see cref="Profile"/> (schema and statistics) only
/// when one version is asked for.
/// </summary>
public sealed record DatasetVersionDto(
    string Name, int Version, string Format, string Sha256, long SizeBytes, int RowCount, int ColumnCount, JsonElement Split,
    string CreatedBy, DateTimeOffset CreatedAt, JsonElement? Profile)
{
    public static DatasetVersionDto From(DatasetVersion v, bool withProfile) => new(
        v.Name, v.Version, v.Format, v.Sha256, v.SizeBytes, v.RowCount, v.ColumnCount, JsonDocument.Parse(v.SplitJson).RootElement.Clone(),
        v.CreatedBy, v.CreatedAt, withProfile ? JsonDocument.Parse(v.ProfileJson).RootElement.Clone() : null);
}

public static class DatasetFormats
{
    public const string Csv = "csv";
    public const string Parquet = "parquet";
    public static readonly string[] All = [Csv, Parquet];
}
