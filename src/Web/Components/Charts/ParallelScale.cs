using System.Globalization;

namespace Platform.Web.Components.Charts;

/// <summary>One axis of a parallel-coordinates chart: its name and each run's value on it (null where a run has none).</summary>
public sealed record ParallelAxis(string Name, IReadOnlyList<string?> Values);

/// <summary>
/// Where values fall on a parallel axis (0 bottom, 1 top): numbers by their value when every value is a number,
/// otherwise the distinct values spread evenly in ordinal order.
/// </summary>
public sealed class ParallelScale
{
    private readonly Func<string, double?> _fraction;

    private ParallelScale(Func<string, double?> fraction, string top, string bottom) => (_fraction, Top, Bottom) = (fraction, top, bottom);

    public string Top { get; }

    public string Bottom { get; }

    public bool IsNumeric { get; private init; }

    public static ParallelScale Of(ParallelAxis axis)
    {
        var present = axis.Values.OfType<string>().ToList();
        var numbers = present.Select(Number).ToList();
        if (present.Count > 0 && numbers.All(n => n is not null))
        {
            var (min, max) = (numbers.Min()!.Value, numbers.Max()!.Value);
            return new ParallelScale(v => Number(v) is { } n ? (max == min ? 0.5 : (n - min) / (max - min)) : null, ChartGeometry.Format(max), ChartGeometry.Format(min))
            {
                IsNumeric = true,
            };
        }

        var categories = present.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new ParallelScale(
            v => categories.IndexOf(v) is var i and >= 0 ? (categories.Count == 1 ? 0.5 : i / (double)(categories.Count - 1)) : null,
            categories.LastOrDefault() ?? "", categories.Count > 1 ? categories[0] : "");
    }

    public double? Fraction(string? value) => value is null ? null : _fraction(value);

    public static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
}
