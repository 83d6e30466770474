using System.Globalization;
using Platform.Workers.Executors;

namespace Platform.Workers.Scripts;

/// <summary>
/// The script runner's output contract. A training program reports by printing lines to stdout:
/// <code>
/// ::metric name=loss step=3 value=0.125     a metric point for the run (value may be nan, inf or -inf)
/// ::progress 42 optional message             progress in percent, 0 to 100
/// </code>
/// Every other line is a log line. A line that starts with <c>::</c> but does not parse is kept as a log line with
/// the reason it was not understood, so that a typo shows up in the job's log instead of vanishing.
/// </summary>
public static class ScriptOutput
{
    public const string Prefix = "::";

    /// <summary>Reports one line of a script's output as the metric, progress or log line it is.</summary>
    public static void Report(string line, IJobReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            reporter.Log(line);
            return;
        }

        var command = line[Prefix.Length..].Trim();
        var space = command.IndexOf(' ', StringComparison.Ordinal);
        var (verb, rest) = space < 0 ? (command, "") : (command[..space], command[(space + 1)..].Trim());
        var problem = verb switch
        {
            "metric" => ReportMetric(rest, reporter),
            "progress" => ReportProgress(rest, reporter),
            _ => $"unknown command '{verb}' (known: metric, progress)",
        };
        if (problem is not null)
        {
            reporter.Log($"{line}    [not understood: {problem}]");
        }
    }

    private static string? ReportMetric(string arguments, IJobReporter reporter)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return $"'{pair}' is not name=value";
            }

            fields[pair[..equals]] = pair[(equals + 1)..];
        }

        if (!fields.TryGetValue("name", out var name) || name.Length is 0 or > 250)
        {
            return "a metric needs name=<1 to 250 characters>";
        }

        if (!fields.TryGetValue("value", out var text) || !TryParseValue(text, out var value))
        {
            return "a metric needs value=<number, nan, inf or -inf>";
        }

        var step = 0L;
        if (fields.TryGetValue("step", out var stepText) && !long.TryParse(stepText, NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
        {
            return $"step '{stepText}' is not a whole number";
        }

        reporter.Metric(name, value, step);
        return null;
    }

    private static string? ReportProgress(string arguments, IJobReporter reporter)
    {
        var space = arguments.IndexOf(' ', StringComparison.Ordinal);
        var (number, message) = space < 0 ? (arguments, null) : (arguments[..space], arguments[(space + 1)..].Trim());
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || !(percent is >= 0 and <= 100))
        {
            return $"progress '{number}' is not a percentage from 0 to 100";
        }

        reporter.Progress(percent, "running", string.IsNullOrEmpty(message) ? null : message);
        return null;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
