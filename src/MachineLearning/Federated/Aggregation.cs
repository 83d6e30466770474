namespace Platform.MachineLearning.Federated;

/// <summary>
/// How a round's updates become one (docs/decisions/ADR-009): FedAvg weighted by samples, and the robust ones that need
/// each update (coordinate-wise median, trimmed mean, Krum), which therefore never run under secure aggregation.
/// </summary>
public static class Aggregation
{
    /// <summary>FedAvg (McMahan et al. 2017): the mean of the updates, each weighted by its samples.</summary>
    public static float[] FedAvg(IReadOnlyList<SiteUpdate> updates)
    {
        var length = LengthOf(updates);
        var total = updates.Sum(u => (double)u.Samples);
        if (total <= 0)
        {
            throw new ArgumentException("The updates hold no samples.", nameof(updates));
        }

        var sum = new double[length];
        foreach (var update in updates)
        {
            var weight = update.Samples / total;
            for (var i = 0; i < length; i++)
            {
                sum[i] += weight * update.Delta[i];
            }
        }

        return Array.ConvertAll(sum, v => (float)v);
    }

    /// <summary>The coordinate-wise median (Yin et al. 2018): for each weight, the middle of the sites' values (the mean of the two middle ones for an even count).</summary>
    public static float[] Median(IReadOnlyList<SiteUpdate> updates) => ByCoordinate(updates, sorted =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2);

    /// <summary>The coordinate-wise trimmed mean: for each weight, the mean after dropping the <paramref name="beta"/> share of the lowest and of the highest values.</summary>
    public static float[] TrimmedMean(IReadOnlyList<SiteUpdate> updates, double beta)
    {
        if (beta is < 0 or >= 0.5 || double.IsNaN(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "The trimmed share is at least 0 and under 0.5.");
        }

        var cut = (int)Math.Floor(beta * updates.Count);
        return ByCoordinate(updates, sorted => sorted[cut..^cut].Average());
    }

    /// <summary>
    /// Krum (Blanchard et al. 2017): the one update whose <c>n − f − 2</c> nearest others are closest to it (sum of
    /// squared distances), tolerating <paramref name="byzantine"/> faulty sites; needs <c>n ≥ 2f + 3</c>.
    /// </summary>
    public static float[] Krum(IReadOnlyList<SiteUpdate> updates, int byzantine)
    {
        var (n, length) = (updates.Count, LengthOf(updates));
        if (byzantine < 0 || n < (2 * byzantine) + 3)
        {
            throw new ArgumentException($"Krum with f = {byzantine} needs at least {(2 * byzantine) + 3} updates, not {n}.", nameof(byzantine));
        }

        var distances = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var d = 0.0;
                for (var i = 0; i < length; i++)
                {
                    var gap = (double)updates[a].Delta[i] - updates[b].Delta[i];
                    d += gap * gap;
                }

                distances[a, b] = distances[b, a] = d;
            }
        }

        var neighbours = n - byzantine - 2;
        var best = Enumerable.Range(0, n)
            .Select(a => (Site: a, Score: Enumerable.Range(0, n).Where(b => b != a).Select(b => distances[a, b]).Order().Take(neighbours).Sum()))
            .OrderBy(s => s.Score).ThenBy(s => s.Site).First();
        return (float[])updates[best.Site].Delta.Clone();
    }

    private static float[] ByCoordinate(IReadOnlyList<SiteUpdate> updates, Func<double[], double> pick)
    {
        var length = LengthOf(updates);
        var column = new double[updates.Count];
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            for (var s = 0; s < updates.Count; s++)
            {
                column[s] = updates[s].Delta[i];
            }

            Array.Sort(column);
            result[i] = (float)pick(column);
        }

        return result;
    }

    private static int LengthOf(IReadOnlyList<SiteUpdate> updates)
    {
        if (updates.Count == 0)
        {
            throw new ArgumentException("A round needs at least one update.", nameof(updates));
        }

        var length = updates[0].Delta.Length;
        return updates.All(u => u.Delta.Length == length)
            ? length
            : throw new ArgumentException("Every update must have the model's shape.", nameof(updates));
    }
}
