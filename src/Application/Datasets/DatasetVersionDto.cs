using System.Text.Json;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets;

/// <summary>
/// A dataset version with its train / validation / test split; <see cref="Profile"/> (schema and statistics) only
/// when one version is asked for. <see cref="Status"/> says whether it is usable yet: while Profiling, the row and
/// column counts are 0 and <see cref="ProfiledFraction"/> says how much of the file has been read; when Failed,
/// <see cref="Problem"/> says why.
/// </summary>
public sealed record DatasetVersionDto(
    string Name, int Version, string Format, string Sha256, long SizeBytes, int RowCount, int ColumnCount, JsonElement Split,
    string CreatedBy, DateTimeOffset CreatedAt, JsonElement? Profile, DatasetVersionStatus Status, string? Problem, double? ProfiledFraction)
{
    public static DatasetVersionDto From(DatasetVersion v, bool withProfile, double? profiledFraction = null) => new(
        v.Name, v.Version, v.Format, v.Sha256, v.SizeBytes, v.RowCount, v.ColumnCount, JsonDocument.Parse(v.SplitJson).RootElement.Clone(),
        v.CreatedBy, v.CreatedAt, withProfile && v.Status == DatasetVersionStatus.Ready ? JsonDocument.Parse(v.ProfileJson).RootElement.Clone() : null,
        v.Status, v.Problem, v.Status == DatasetVersionStatus.Profiling ? profiledFraction ?? 0 : null);
}

public static class DatasetFormats
{
    public const string Csv = "csv";
    public const string Parquet = "parquet";
    public static readonly string[] All = [Csv, Parquet];
}
