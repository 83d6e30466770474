namespace Platform.Domain.Runs;

/// <summary>A hyper-parameter or setting of a run. Set once: its value never changes.</summary>
public sealed class RunParam
{
    public const int MaxValueLength = 6000;

    private RunParam()
    {
        Key = string.Empty;
        Value = string.Empty;
    }

    internal RunParam(Guid runId, string key, string value)
    {
        RunId = runId;
        Key = key;
        Value = value;
    }

    public Guid RunId { get; private set; }
    public string Key { get; private set; }
    public string Value { get; private set; }
}
