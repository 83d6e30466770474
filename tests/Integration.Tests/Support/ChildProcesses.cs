namespace Platform.Integration.Tests.Support;

/// <summary>Finds processes on this machine by their command line (read from /proc), to prove a process tree is gone.</summary>
public static class ChildProcesses
{
    public static List<int> WithCommandLine(string commandLine) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
            .Where(pid => Read(pid) == commandLine)
            .ToList();

    private static string? Read(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
