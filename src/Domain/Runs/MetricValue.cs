namespace Platform.Domain.Runs;

/// <summary>How a metric value is stored: SQL Server's float has no NaN or infinities, SQLite turns NaN into NULL.</summary>
public enum MetricSpecial : byte
{
    Finite = 0,
    NaN = 1,
    PositiveInfinity = 2,
    NegativeInfinity = 3,
}

/// <summary>
/// Encodes any double (NaN and ±Infinity included) as a finite column value plus a marker, so that every
/// provider stores it and ordering stays right: +Infinity sorts as the largest finite double, -Infinity
/// as the smallest; NaN is stored as 0 with its marker and is excluded from comparisons.
/// </summary>
public static class MetricValue
{
    public static (double Stored, MetricSpecial Special) Encode(double value) => value switch
    {
        double.PositiveInfinity => (double.MaxValue, MetricSpecial.PositiveInfinity),
        double.NegativeInfinity => (double.MinValue, MetricSpecial.NegativeInfinity),
        _ when double.IsNaN(value) => (0d, MetricSpecial.NaN),
        _ => (value, MetricSpecial.Finite),
    };

    public static double Decode(double stored, MetricSpecial special) => special switch
    {
        MetricSpecial.NaN => double.NaN,
        MetricSpecial.PositiveInfinity => double.PositiveInfinity,
        MetricSpecial.NegativeInfinity => double.NegativeInfinity,
        _ => stored,
    };
}
