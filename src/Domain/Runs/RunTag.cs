namespace Platform.Domain.Runs;

/// <summary>A free-form label on a run (team, commit, purpose); can be changed and removed.</summary>
public sealed class RunTag
{
    public const int MaxValueLength = 8000;

    private RunTag()
    {
        Key = string.Empty;
        Value = string.Empty;
    }

    internal RunTag(Guid runId, string key, string value)
    {
        RunId = runId;
        Key = key;
        Value = value;
    }

    public Guid RunId { get; private set; }
    public string Key { get; private set; }
    public string Value { get; internal set; }
}
