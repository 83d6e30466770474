using System.Globalization;

namespace Platform.Web.Components.Charts;

/// <summary>One point of a metric series.</summary>
public readonly record struct ChartPoint(long Step, double Value);

/// <summary>
/// Turns series of (step, value) into SVG polyline coordinates inside a width x height box (y grows downwards),
/// sharing one scale across series; non-finite values are left out.
/// </summary>
public static class ChartGeometry
{
    public static (double MinX, double MaxX, double MinY, double MaxY) Bounds(IEnumerable<IReadOnlyList<ChartPoint>> series)
    {
        var points = series.SelectMany(s => s).Where(p => double.IsFinite(p.Value)).ToList();
        if (points.Count == 0)
        {
            return (0, 1, 0, 1);
        }

        var (minX, maxX) = ((double)points.Min(p => p.Step), (double)points.Max(p => p.Step));
        var (minY, maxY) = (points.Min(p => p.Value), points.Max(p => p.Value));
        return (minX, maxX == minX ? minX + 1 : maxX, minY, maxY == minY ? minY + 1 : maxY);
    }

    public static string Polyline(IReadOnlyList<ChartPoint> series, (double MinX, double MaxX, double MinY, double MaxY) bounds, double width, double height) =>
        string.Join(' ', series.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Step).Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{(p.Step - bounds.MinX) / (bounds.MaxX - bounds.MinX) * width:0.##},{height - (p.Value - bounds.MinY) / (bounds.MaxY - bounds.MinY) * height:0.##}")));
}
