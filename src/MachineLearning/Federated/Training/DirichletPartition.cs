namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// The standard non-IID split of a labelled dataset over simulated sites (Hsu et al. 2019): for each class, proportions
/// p ~ Dirichlet(α, …, α) over the sites, and that class's rows (shuffled) cut by the cumulative proportions. A small α
/// gives each site few classes; a large one approaches an IID split. Every row goes to exactly one site, and the same
/// seed gives the same split.
/// </summary>
public static class DirichletPartition
{
    /// <summary>The fewest rows a site gets.</summary>
    public const int MinRowsPerSite = 2;

    /// <summary>Whole draws tried before rows are moved to the sites still short of <see cref="MinRowsPerSite"/>.</summary>
    public const int MaxDraws = 100;

    /// <summary>
    /// Row indices per site, each site's in ascending order. A draw that leaves a site with fewer than
    /// <see cref="MinRowsPerSite"/> rows is drawn again, up to <see cref="MaxDraws"/> times; after that the last draw is
    /// kept and each short site takes rows, one at a time, from the site that then has the most.
    /// </summary>
    public static int[][] Split(IReadOnlyList<int> labels, int sites, double alpha, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The Dirichlet concentration α is a finite number above 0.");
        }

        if (labels.Count < sites * MinRowsPerSite)
        {
            throw new ArgumentException($"{labels.Count} rows cannot give {sites} sites {MinRowsPerSite} rows each.", nameof(labels));
        }

        var random = new Random(seed);
        var byClass = labels.Select((label, row) => (label, row)).GroupBy(p => p.label).OrderBy(g => g.Key)
            .Select(g => g.Select(p => p.row).ToArray()).ToArray();
        List<int>[] split = [];
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            split = Draw(byClass, sites, alpha, random);
            if (split.All(site => site.Count >= MinRowsPerSite))
            {
                break;
            }
        }

        TopUp(split);
        return [.. split.Select(site => site.Order().ToArray())];
    }

    private static List<int>[] Draw(int[][] byClass, int sites, double alpha, Random random)
    {
        var split = Enumerable.Range(0, sites).Select(_ => new List<int>()).ToArray();
        foreach (var classRows in byClass)
        {
            var rows = (int[])classRows.Clone();
            random.Shuffle(rows);
            var proportions = Dirichlet(random, sites, alpha);
            var (cumulative, start) = (0.0, 0);
            for (var site = 0; site < sites; site++)
            {
                cumulative += proportions[site];
                var end = site == sites - 1 ? rows.Length : Math.Min(rows.Length, (int)Math.Round(cumulative * rows.Length));
                split[site].AddRange(rows[start..end]);
                start = end;
            }
        }

        return split;
    }

    /// <summary>Moves rows from the largest site to each site short of the minimum (the last row the large site got).</summary>
    private static void TopUp(List<int>[] split)
    {
        foreach (var site in split)
        {
            while (site.Count < MinRowsPerSite)
            {
                var largest = split.MaxBy(s => s.Count)!;
                site.Add(largest[^1]);
                largest.RemoveAt(largest.Count - 1);
            }
        }
    }

    /// <summary>A Dirichlet(α, …, α) draw: normalised gamma variates, from their logs so that a tiny α stays finite.</summary>
    private static double[] Dirichlet(Random random, int count, double alpha)
    {
        var logs = new double[count];
        for (var i = 0; i < count; i++)
        {
            logs[i] = GammaSampler.LogSample(random, alpha);
        }

        var max = logs.Max();
        var values = logs.Select(l => Math.Exp(l - max)).ToArray();
        var sum = values.Sum();
        return [.. values.Select(v => v / sum)];
    }
}
