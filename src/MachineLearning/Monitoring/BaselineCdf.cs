namespace Platform.MachineLearning.Monitoring;

/// <summary>
/// A baseline's CDF from its quantile edges: edge i of B + 1 is the i/B quantile, so the CDF passes through (edge i, i/B),
/// linear in between, 0 below the first edge and 1 from the last one. Where edges coincide (a value that fills whole
/// bins, e.g. a feature that is often 0) the CDF steps there, so it is read from either side: <see cref="Below"/> (left
/// limit) and <see cref="AtOrBelow"/> (its value). Positions come from the quantiles, not the bin counts, because
/// counting puts tied values into the last of the coinciding bins.
/// </summary>
internal sealed class BaselineCdf
{
    private readonly IReadOnlyList<double> _edges;
    private readonly double[] _cumulative;

    public BaselineCdf(IReadOnlyList<double> edges)
    {
        _edges = edges;
        _cumulative = new double[edges.Count];
        var bins = edges.Count - 1;
        for (var i = 0; i <= bins; i++)
        {
            _cumulative[i] = (double)i / bins;
        }
    }

    /// <summary>F(x): the share at or below <paramref name="x"/>.</summary>
    public double AtOrBelow(double x)
    {
        if (x >= _edges[^1])
        {
            return 1;
        }

        if (x < _edges[0])
        {
            return 0;
        }

        // The last bin whose lower edge is at or below x (its upper edge is above x).
        var bin = _edges.Count - 2;
        while (_edges[bin] > x)
        {
            bin--;
        }

        return Inside(bin, x);
    }

    /// <summary>F(x−): the share below <paramref name="x"/>.</summary>
    public double Below(double x)
    {
        if (x <= _edges[0])
        {
            return 0;
        }

        if (x > _edges[^1])
        {
            return 1;
        }

        // The last bin whose lower edge is below x (its upper edge is at or above x).
        var bin = _edges.Count - 2;
        while (_edges[bin] >= x)
        {
            bin--;
        }

        return Inside(bin, x);
    }

    private double Inside(int bin, double x)
    {
        var width = _edges[bin + 1] - _edges[bin];
        var fraction = width > 0 ? (x - _edges[bin]) / width : 1;
        return _cumulative[bin] + (fraction * (_cumulative[bin + 1] - _cumulative[bin]));
    }
}
