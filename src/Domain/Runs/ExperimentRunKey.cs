namespace Platform.Domain.Runs;

/// <summary>Which set of an experiment's run keys a <see cref="ExperimentRunKey"/> belongs to.</summary>
public enum RunKeyKind
{
    Param = 0,
    Metric = 1,
}

/// <summary>
/// A param or metric key that some run of the experiment has: the columns of its runs table, kept as the runs' params
/// and latest metrics are written (by the database, so every writer keeps it) instead of found by a DISTINCT over
/// every run's rows on each read.
/// </summary>
public sealed class ExperimentRunKey
{
    private ExperimentRunKey()
    {
        Key = string.Empty;
    }

    public Guid ExperimentId { get; private set; }
    public RunKeyKind Kind { get; private set; }
    public string Key { get; private set; }
}
