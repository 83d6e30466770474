using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Platform.Web.Components.Charts;

/// <summary>
/// The one chart of the portal (run, compare and deployment pages): lines of metric series over steps or time, or dots
/// of a scatter (<see cref="Lines"/> false). Labels are HTML at a fixed size beside an SVG plot that stretches to its
/// box, so they stay readable at any width; hover, zoom and log scale need no script (the plot is cut into bands that
/// take the pointer).
/// </summary>
public partial class MetricChart
{
    private const int MaxBands = 100;
    private static readonly string[] Palette = ["#594ae2", "#00a854", "#f57c00", "#e91e63", "#1e88e5", "#8d6e63", "#00acc1", "#7cb342", "#8e24aa", "#f4511e"];

    private readonly SortedDictionary<string, List<ChartPoint>> _series = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>>? _given;
    private bool _log;
    private double _smoothing;
    private AxisRange? _zoom;
    private int? _hover;
    private int? _dragFrom;
    private int? _dragTo;

    [Parameter] public string Title { get; set; } = "";

    /// <summary>Whole series to draw, replacing what is drawn whenever a new dictionary is given (a history read at once, not live points).</summary>
    [Parameter] public IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>>? Series { get; set; }

    /// <summary>How x values are written (as numbers when not given; a time for a time axis).</summary>
    [Parameter] public Func<double, string>? FormatX { get; set; }

    /// <summary>The x axis's name: "step" by default, "time" when <see cref="FormatX"/> is given.</summary>
    [Parameter] public string? XLabel { get; set; }

    /// <summary>Lines through each series' points (false: a scatter of dots).</summary>
    [Parameter] public bool Lines { get; set; } = true;

    /// <summary>The plot's height in CSS pixels.</summary>
    [Parameter] public int Height { get; set; } = 200;

    private string XName => XLabel ?? (FormatX is null ? "step" : "time");

    /// <summary>No series has two finite points: a line would have nothing to join, so the values are a table.</summary>
    private bool SingleValues => Lines && _series.Count > 0 && _series.Values.All(s => s.Count(p => double.IsFinite(p.Value)) <= 1);

    private bool CanLog => _series.Values.Any(s => s.Any(p => double.IsFinite(p.Value) && p.Value > 0));

    protected override void OnParametersSet()
    {
        if (Series is null || ReferenceEquals(Series, _given))
        {
            return;
        }

        _given = Series;
        _series.Clear();
        foreach (var (key, points) in Series)
        {
            _series[key] = [.. points.OrderBy(p => p.X)];
        }

        (_zoom, _hover) = (null, null);
    }

    /// <summary>Adds points to a series (an x already there takes the new value) and redraws.</summary>
    public void Append(string key, IEnumerable<ChartPoint> points)
    {
        if (!_series.TryGetValue(key, out var series))
        {
            _series[key] = series = [];
        }

        foreach (var point in points)
        {
            var at = series.FindIndex(p => p.X == point.X);
            if (at >= 0)
            {
                series[at] = point;
            }
            else
            {
                var next = series.FindIndex(p => p.X > point.X);
                series.Insert(next < 0 ? series.Count : next, point);
            }
        }

        InvokeAsync(StateHasChanged);
    }

    public int PointCount(string key) => _series.TryGetValue(key, out var s) ? s.Count : 0;

    private ChartView Layout()
    {
        var all = _series.Values.SelectMany(s => s).Where(p => double.IsFinite(p.Value)).ToList();
        // Lines span the steps exactly; a scatter keeps a margin so that its outermost dots are whole.
        var x = _zoom ?? (all.Count == 0 ? new AxisRange(0, 1)
            : Lines ? Exact(all.Min(p => p.X), all.Max(p => p.X)) : ChartGeometry.Range(all.Select(p => p.X))!.Value);
        var visible = _series.ToDictionary(s => s.Key, s => (IReadOnlyList<ChartPoint>)[.. s.Value.Where(p => p.X >= x.Min && p.X <= x.Max)]);
        var drawn = visible.ToDictionary(s => s.Key, s => ChartGeometry.Smooth(s.Value, Lines ? _smoothing : 0));
        var values = visible.Values.SelectMany(s => s).Select(p => p.Value).Concat(drawn.Values.SelectMany(s => s).Select(p => p.Value));
        var y = ChartGeometry.Range(values, _log) ?? new AxisRange(0, 1);
        var distinct = visible.Values.SelectMany(s => s).Select(p => p.X).Distinct().Count();
        var whole = all.All(p => p.X == Math.Floor(p.X));
        return new ChartView(x, y, ChartGeometry.Ticks(x, 4, whole), _log ? ChartGeometry.LogTicks(y) : ChartGeometry.Ticks(y, 5),
            visible, drawn, Math.Clamp(distinct, 1, MaxBands));
    }

    private static AxisRange Exact(double min, double max) => min == max ? new AxisRange(min - 0.5, max + 0.5) : new AxisRange(min, max);

    private void Enter(int band)
    {
        _hover = band;
        if (_dragFrom is not null)
        {
            _dragTo = band;
        }
    }

    private void Press(int band) => (_dragFrom, _dragTo) = (band, band);

    private void Release(int band, ChartView view)
    {
        if (_dragFrom is { } from && from != band)
        {
            var (a, b) = (Math.Min(from, band), Math.Max(from, band) + 1);
            _zoom = new AxisRange(view.BandStart(a), view.BandStart(b));
        }

        (_dragFrom, _dragTo) = (null, null);
    }

    private void LogChanged(ChangeEventArgs e) => _log = e.Value is true;

    private void SmoothingChanged(ChangeEventArgs e) =>
        _smoothing = double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ? Math.Clamp(weight, 0, 0.95) : 0;

    private void Leave() => (_hover, _dragFrom, _dragTo) = (null, null, null);

    private string XText(double x) => FormatX?.Invoke(x) ?? ChartGeometry.Format(x);

    private string YText(double tick) => ChartGeometry.Format(_log ? Math.Pow(10, tick) : tick);

    private static string Pct(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>What one drawing shows: the ranges and ticks of both axes, the points in view (and smoothed), and the hover bands.</summary>
    private sealed record ChartView(
        AxisRange X, AxisRange Y, IReadOnlyList<double> XTicks, IReadOnlyList<double> YTicks,
        IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>> Visible, IReadOnlyDictionary<string, IReadOnlyList<ChartPoint>> Drawn, int Bands)
    {
        public double BandStart(int band) => X.Min + X.Span * band / Bands;

        /// <summary>The x of the point nearest the band's middle, of any series.</summary>
        public double HoverX(int band)
        {
            var middle = BandStart(band) + X.Span / Bands / 2;
            var xs = Visible.Values.SelectMany(s => s).Select(p => p.X).ToList();
            return xs.Count == 0 ? middle : xs.MinBy(x => Math.Abs(x - middle));
        }

        /// <summary>The series' point at the hovered x (the nearest one in the band), if it has one there.</summary>
        public ChartPoint? Nearest(string key, int band)
        {
            var x = HoverX(band);
            var (from, to) = (BandStart(band), BandStart(band + 1));
            var near = Visible[key].Where(p => p.X == x || (p.X >= from && p.X <= to)).ToList();
            return near.Count == 0 ? null : near.MinBy(p => Math.Abs(p.X - x));
        }
    }
}
