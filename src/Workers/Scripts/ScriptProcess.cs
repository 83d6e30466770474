using System.Diagnostics;
using Platform.Workers.Executors;

namespace Platform.Workers.Scripts;

/// <summary>
/// Runs a program with exactly the environment given (nothing of the worker's, whose settings hold secrets), streams
/// stdout through <see cref="ScriptOutput"/> and stderr as log lines, keeps the last lines for a failure's reason,
/// and kills the whole process tree when cancelled.
/// </summary>
internal static class ScriptProcess
{
    public const int LastLinesKept = 20;

    public static async Task<(int ExitCode, IReadOnlyList<string> LastLines)> RunAsync(
        IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        IJobReporter reporter, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var last = new Queue<string>();
        void Keep(string line)
        {
            lock (last)
            {
                last.Enqueue(line);
                if (last.Count > LastLinesKept)
                {
                    last.Dequeue();
                }
            }
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new JobFailedException($"Could not start '{command[0]}': {e.Message}");
        }

        process.StandardInput.Close();
        reporter.Log($"started {string.Join(' ', command)} (process {process.Id})");
        var stdout = PumpAsync(process.StandardOutput, line => { Keep(line); ScriptOutput.Report(line, reporter); });
        var stderr = PumpAsync(process.StandardError, line => { Keep(line); reporter.Log(line); });
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            reporter.Log($"process {process.Id} and its children stopped");
            throw;
        }

        // A background process the program left behind may hold its output open: do not wait on it for long.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        lock (last)
        {
            return (process.ExitCode, last.ToList());
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }
}
