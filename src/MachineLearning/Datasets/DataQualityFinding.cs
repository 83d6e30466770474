using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Datasets;

/// <summary>What kind of data-quality problem a <see cref="DataQualityFinding"/> reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataQualityIssue>))]
public enum DataQualityIssue
{
    /// <summary>A numeric column has cells that are not numbers; they are treated as missing.</summary>
    NotNumeric,

    /// <summary>A column holds one value (or none): it cannot help a model.</summary>
    Constant,

    /// <summary>A column has missing cells.</summary>
    MissingValues,

    /// <summary>Rows that repeat an earlier row exactly.</summary>
    DuplicateRows,
}

/// <summary>
/// One data-quality finding of an upload, in words and figures. <see cref="Rows"/> are the file's 1-based rows (header =
/// 1), the first 20; <see cref="Values"/> the offending cells where there are some (the first 20).
/// </summary>
/// <param name="Issue">What kind of problem.</param>
/// <param name="Column">The column, or <c>null</c> for a finding about whole rows.</param>
/// <param name="Count">How many cells (or rows) are affected.</param>
/// <param name="Share">That count as a fraction of the rows.</param>
/// <param name="Rows">The file's rows affected, the first 20.</param>
/// <param name="Values">The offending values, the first 20, in row order (empty where there are none).</param>
/// <param name="Message">The finding in a sentence.</param>
public sealed record DataQualityFinding(
    DataQualityIssue Issue,
    string? Column,
    long Count,
    double Share,
    IReadOnlyList<long> Rows,
    IReadOnlyList<string> Values,
    string Message);
