using System.Globalization;

namespace Platform.Web.Components.Charts;

/// <summary>One point of a series: x is a step, a time (epoch ms) or, in a scatter, a param's value.</summary>
public readonly record struct ChartPoint(double X, double Value);

/// <summary>A range of values on one axis.</summary>
public readonly record struct AxisRange(double Min, double Max)
{
    public double Span => Max - Min;

    /// <summary>Where <paramref name="value"/> falls, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => Span == 0 ? 0.5 : (value - Min) / Span;
}

/// <summary>
/// The maths of the metric chart, kept apart so it is tested alone: ranges, readable ticks, log scale, smoothing,
/// and SVG coordinates in a 1000 x 1000 box (y grows downwards) that the page stretches to any size.
/// </summary>
public static class ChartGeometry
{
    public const double Box = 1000;

    /// <summary>The range of the finite values (positive ones only on a log scale), widened a little; null when none.</summary>
    public static AxisRange? Range(IEnumerable<double> values, bool log = false)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).Select(v => log ? Math.Log10(v) : v).ToList();
        if (finite.Count == 0)
        {
            return null;
        }

        var (min, max) = (finite.Min(), finite.Max());
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.05;
            return new AxisRange(min - pad, max + pad);
        }

        var margin = (max - min) * 0.05;
        return new AxisRange(min - margin, max + margin);
    }

    /// <summary>About <paramref name="count"/> round values (1, 2 or 5 times a power of ten apart) inside the range; whole numbers only when <paramref name="whole"/> (steps).</summary>
    public static IReadOnlyList<double> Ticks(AxisRange range, int count = 5, bool whole = false)
    {
        if (!(range.Span > 0) || !double.IsFinite(range.Span))
        {
            return [range.Min];
        }

        var raw = range.Span / Math.Max(1, count);
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * power).First(s => s >= raw);
        if (whole)
        {
            step = Math.Max(1, Math.Ceiling(step));
        }

        var ticks = new List<double>();
        for (var t = Math.Ceiling(range.Min / step) * step; t <= range.Max + step * 1e-9; t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : Math.Round(t, 12));
        }

        return ticks;
    }

    /// <summary>Ticks of a log axis (the range holds log10 values): the whole powers of ten inside it, else plain ticks.</summary>
    public static IReadOnlyList<double> LogTicks(AxisRange range)
    {
        var powers = Enumerable.Range((int)Math.Ceiling(range.Min), Math.Max(0, (int)Math.Floor(range.Max) - (int)Math.Ceiling(range.Min) + 1)).Select(p => (double)p).ToList();
        return powers.Count >= 2 ? powers : Ticks(range, 4);
    }

    /// <summary>
    /// An exponential moving average (weight 0 = none, 0.99 = very smooth), corrected for its start so the first points
    /// are not pulled towards zero; non-finite values pass through and do not enter the average.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Smooth(IReadOnlyList<ChartPoint> series, double weight)
    {
        if (weight <= 0)
        {
            return series;
        }

        var (last, debias, result) = (0.0, 1.0, new List<ChartPoint>(series.Count));
        foreach (var point in series)
        {
            if (!double.IsFinite(point.Value))
            {
                result.Add(point);
                continue;
            }

            last = last * weight + (1 - weight) * point.Value;
            debias *= weight;
            result.Add(point with { Value = last / (1 - debias) });
        }

        return result;
    }

    /// <summary>SVG polyline points of the finite values in x order (log10 of the value on a log scale).</summary>
    public static string Polyline(IReadOnlyList<ChartPoint> series, AxisRange x, AxisRange y, bool log = false) =>
        string.Join(' ', series.Where(p => double.IsFinite(p.Value) && (!log || p.Value > 0)).OrderBy(p => p.X).Select(p => Point(p, x, y, log)));

    public static string Point(ChartPoint point, AxisRange x, AxisRange y, bool log = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{X(point.X, x):0.#},{Y(log ? Math.Log10(point.Value) : point.Value, y):0.#}");

    public static double X(double value, AxisRange x) => x.Fraction(value) * Box;

    public static double Y(double value, AxisRange y) => Box - y.Fraction(value) * Box;

    /// <summary>A number as an axis or a tooltip writes it: up to 4 significant decimals, exponents for the very large and small.</summary>
    public static string Format(double value) =>
        !double.IsFinite(value) ? value.ToString(CultureInfo.InvariantCulture)
        : value != 0 && (Math.Abs(value) >= 1e6 || Math.Abs(value) < 1e-3) ? value.ToString("0.##e0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}
