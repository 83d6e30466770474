namespace Platform.Domain.Jobs;

/// <summary>One line of a job's log, numbered in arrival order. The Api keeps a capped number per job.</summary>
public sealed class JobLogLine
{
    public const int MaxLength = 2000;

    private JobLogLine()
    {
        Text = string.Empty;
    }

    public long Id { get; private set; }
    public Guid JobId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Text { get; private set; }

    public static JobLogLine Create(Guid jobId, int sequence, DateTimeOffset at, string text) => new()
    {
        JobId = jobId,
        Sequence = sequence,
        At = at,
        Text = text.Length > MaxLength ? text[..MaxLength] : text,
    };
}
