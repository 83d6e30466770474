using System.Text.RegularExpressions;

namespace Platform.Host.Tests.Support;

/// <summary>Finds live processes by command line, reading /proc (Linux): what <c>pgrep -f</c> does, without the dependency.</summary>
public static class ChildProcesses
{
    /// <summary>A number of seconds no other process on the machine is sleeping for, so that the test finds only its own children.</summary>
    public static int UniqueSleepSeconds()
    {
        while (true)
        {
            var seconds = Random.Shared.Next(1000, 3600);
            if (SleepingFor(seconds).Count == 0)
            {
                return seconds;
            }
        }
    }

    /// <summary>Live processes whose command line runs <c>sleep {seconds}</c> (the sleeps and the shell that started them).</summary>
    public static IReadOnlyList<string> SleepingFor(int seconds)
    {
        var pattern = new Regex($@"\bsleep {seconds}\b");
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit))
            {
                continue;
            }

            string commandLine;
            try
            {
                // A zombie or an exiting process has an empty command line: it no longer runs anything.
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // exited while we looked
            }

            if (pattern.IsMatch(commandLine))
            {
                found.Add($"{pid}: {commandLine}");
            }
        }

        return found;
    }
}
