using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Workers.Executors;

/// <summary>
/// Checks a worker end to end without real work: runs for the given time, emitting progress, log lines and metric
/// points at an even pace, optionally with a child process tree (to prove that cancellation kills it).
/// </summary>
internal sealed class DiagnosticJobExecutor : IJobExecutor
{
    public string Kind => "diagnostic";

    public async Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken)
    {
        var p = Parse(job.ParametersJson);
        using var child = p.ChildProcessSeconds > 0 ? StartChildTree(p.ChildProcessSeconds, reporter) : null;
        try
        {
            var steps = Math.Max(1, Math.Max(p.ProgressEvents, Math.Max(p.LogLines, p.MetricPoints)));
            var clock = Stopwatch.StartNew();
            for (var i = 1; i <= steps; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (i * (long)p.ProgressEvents / steps > (i - 1) * (long)p.ProgressEvents / steps)
                {
                    reporter.Progress(100.0 * i / steps, "running", $"step {i} of {steps}");
                }

                if (i * (long)p.LogLines / steps > (i - 1) * (long)p.LogLines / steps)
                {
                    reporter.Log($"diagnostic step {i}");
                }

                if (i * (long)p.MetricPoints / steps > (i - 1) * (long)p.MetricPoints / steps && job.RunId is not null)
                {
                    reporter.Metric("diagnostic/value", Math.Sin(i / 10.0), i);
                }

                // Read the clock once: a second read can be later than the due time on a busy machine.
                var wait = TimeSpan.FromMilliseconds((double)p.DurationMs * i / steps) - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(5))
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }

            if (p.FailWith is not null)
            {
                throw new JobFailedException(p.FailWith);
            }

            return JsonSerializer.Serialize(new { steps, elapsedMs = clock.ElapsedMilliseconds });
        }
        finally
        {
            if (child is { HasExited: false })
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(CancellationToken.None);
                reporter.Log($"child process {child.Id} and its children stopped");
            }
        }
    }

    private static DiagnosticJobParameters Parse(string json)
    {
        var problems = DiagnosticJobParameters.Validate(json);
        return problems.Count > 0
            ? throw new JobInputException("Bad diagnostic parameters: " + string.Join("; ", problems.Select(p => $"{p.Field} {p.Problem}")))
            : DiagnosticJobParameters.Parse(json);
    }

    private static Process StartChildTree(int seconds, IJobReporter reporter)
    {
        // A shell with two children of its own: cancellation must take down the whole tree, not just the shell.
        var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"sleep {seconds} & sleep {seconds} & wait"]))
            ?? throw new JobFailedException("Could not start the diagnostic child process.");
        reporter.Log($"child process {process.Id} started (sleep {seconds})");
        return process;
    }
}
