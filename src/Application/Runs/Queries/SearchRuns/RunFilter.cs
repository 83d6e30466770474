namespace Platform.Application.Runs.Queries.SearchRuns;

public enum FilterEntity
{
    Metric,
    Param,
    Tag,
    Attribute,
}

public enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Like,
    ILike,
}

/// <summary>One comparison of a filter, e.g. <c>metrics.auc &gt; 0.9</c>: a number or a text operand, never both.</summary>
public sealed record FilterClause(FilterEntity Entity, string Key, FilterOperator Operator, double? Number, string? Text);

/// <summary>The order of a search: a metric's latest value, or the start time (the default, newest first).</summary>
public sealed record RunOrder(FilterEntity Entity, string Key, bool Descending)
{
    public static readonly RunOrder Default = new(FilterEntity.Attribute, RunAttributes.StartTime, true);
}

public static class RunAttributes
{
    public const string Status = "status";
    public const string Name = "name";
    public const string StartTime = "start_time";
    public const string EndTime = "end_time";
}
