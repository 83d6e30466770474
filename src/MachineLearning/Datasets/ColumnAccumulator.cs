namespace Platform.MachineLearning.Datasets;

/// <summary>
/// One column's statistics gathered a cell at a time in bounded memory: counts, running sum, variance (Welford), extremes,
/// a uniform sample of its numbers for quantiles (all of them up to <see cref="SampleSize"/>), the frequency of up to
/// <see cref="MaxTrackedValues"/> distinct values, and the first <see cref="RowsShown"/> rows of each kind of problem.
/// </summary>
internal sealed class ColumnAccumulator(string name)
{
    /// <summary>Numbers kept for quantiles; a column with more is described by a seeded uniform sample of this size.</summary>
    public const int SampleSize = 100_000;

    /// <summary>Distinct values counted; values first seen after this many are counted only as "other".</summary>
    public const int MaxTrackedValues = 10_000;

    /// <summary>Rows listed per finding.</summary>
    public const int RowsShown = 20;

    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly List<double> _sample = [];
    private readonly Random _sampling = new(42);

    public string Name { get; } = name;

    public long Missing { get; private set; }

    public long Present { get; private set; }

    public long Numbers { get; private set; }

    public long Booleans { get; private set; }

    /// <summary>Non-missing cells whose value was first seen after <see cref="MaxTrackedValues"/> distinct ones.</summary>
    public long Untracked { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Sum { get; private set; }

    /// <summary>Sum of squared deviations from the running mean (Welford).</summary>
    public double SquaredDeviations { get; private set; }

    public List<long> MissingRows { get; } = [];

    /// <summary>Cells that are not numbers, with their rows: the first <see cref="RowsShown"/>.</summary>
    public List<(long Row, string Value)> NotNumbers { get; } = [];

    public IReadOnlyDictionary<string, long> Values => _values;

    /// <summary>The numbers kept for quantiles (every number while there are at most <see cref="SampleSize"/>).</summary>
    public List<double> Sample => _sample;

    public void Add(string? cell, long row)
    {
        if (cell is null)
        {
            Missing++;
            Keep(MissingRows, row);
            return;
        }

        Present++;
        if (InvariantNumber.TryParse(cell, out var number))
        {
            AddNumber(number);

            // A number is counted as a value only while there is room: a numeric column keeps its numbers' statistics
            // above, and past the cap looking each one up would cost more than the rest of its profile.
            if (_values.Count < MaxTrackedValues)
            {
                Count(cell);
            }
            else
            {
                Untracked++;
            }

            return;
        }

        if (NotNumbers.Count < RowsShown)
        {
            NotNumbers.Add((row, cell));
        }

        if (cell.Length is 4 or 5 && ColumnKindInference.IsBoolean(cell))
        {
            Booleans++;
        }

        Count(cell);
    }

    private void AddNumber(double value)
    {
        Numbers++;
        var mean = Numbers == 1 ? 0 : Sum / (Numbers - 1);
        Sum += value;
        var delta = value - mean;
        SquaredDeviations += delta * (value - (Sum / Numbers));
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (_sample.Count < SampleSize)
        {
            _sample.Add(value);
            return;
        }

        // Algorithm R: the n-th number replaces a kept one with probability SampleSize / n.
        var slot = _sampling.NextInt64(Numbers);
        if (slot < SampleSize)
        {
            _sample[(int)slot] = value;
        }
    }

    private void Count(string cell)
    {
        if (_values.TryGetValue(cell, out var count))
        {
            _values[cell] = count + 1;
        }
        else if (_values.Count < MaxTrackedValues)
        {
            _values[cell] = 1;
        }
        else
        {
            Untracked++;
        }
    }

    private static void Keep(List<long> rows, long row)
    {
        if (rows.Count < RowsShown)
        {
            rows.Add(row);
        }
    }
}
