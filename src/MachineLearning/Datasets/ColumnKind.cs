using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Datasets;

/// <summary>The kind of values a column holds, as inferred from its non-missing cells.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
public enum ColumnKind
{
    /// <summary>Every non-missing value is a finite number.</summary>
    Numeric,

    /// <summary>Every non-missing value is <c>true</c> or <c>false</c> (any case).</summary>
    Boolean,

    /// <summary>Anything else, or a column with no values at all.</summary>
    Categorical,
}
