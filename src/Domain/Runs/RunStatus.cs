namespace Platform.Domain.Runs;

public enum RunStatus
{
    Scheduled = 0,
    Running = 1,
    Finished = 2,
    Failed = 3,
    Killed = 4,
}

public static class RunStatusExtensions
{
    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Finished or RunStatus.Failed or RunStatus.Killed;
}
