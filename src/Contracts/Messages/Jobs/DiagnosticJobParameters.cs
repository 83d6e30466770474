using System.Text.Json;

namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// What a Diagnostic job does: run for <see cref="DurationMs"/>, emit <see cref="ProgressEvents"/> progress events,
/// <see cref="LogLines"/> log lines and <see cref="MetricPoints"/> metric points (to the job's run), optionally
/// start a child process tree that lives <see cref="ChildProcessSeconds"/> (to check that cancellation kills it),
/// and end Failed with <see cref="FailWith"/> when set. Checked by the Api on submission and again by the worker.
/// </summary>
public sealed record DiagnosticJobParameters(
    int DurationMs = 0, int ProgressEvents = 10, int LogLines = 0, int MetricPoints = 0, int ChildProcessSeconds = 0, string? FailWith = null)
{
    public const int MaxDurationMs = 3_600_000;
    public const int MaxEvents = 10_000_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public static DiagnosticJobParameters Parse(string json) =>
        JsonSerializer.Deserialize<DiagnosticJobParameters>(json, Json) ?? new DiagnosticJobParameters();

    /// <summary>Each problem as (field, reason); empty when the parameters are fine.</summary>
    public static IReadOnlyList<(string Field, string Problem)> Validate(string json)
    {
        DiagnosticJobParameters p;
        try
        {
            p = Parse(json);
        }
        catch (JsonException e)
        {
            return [(e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body", "is not a known diagnostic parameter of the right type: " + e.Message.Split('.')[0])];
        }

        var problems = new List<(string, string)>();
        Check(problems, "durationMs", p.DurationMs, MaxDurationMs);
        Check(problems, "progressEvents", p.ProgressEvents, MaxEvents);
        Check(problems, "logLines", p.LogLines, MaxEvents);
        Check(problems, "metricPoints", p.MetricPoints, MaxEvents);
        Check(problems, "childProcessSeconds", p.ChildProcessSeconds, 3600);
        return problems;
    }

    private static void Check(List<(string, string)> problems, string field, int value, int max)
    {
        if (value < 0 || value > max)
        {
            problems.Add((field, $"must be between 0 and {max}"));
        }
    }
}
