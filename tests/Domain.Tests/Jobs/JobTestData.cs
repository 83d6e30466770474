using Platform.Domain.Jobs;

namespace Platform.Domain.Tests.Jobs;

/// <summary>A fixed clock start, a lease length, and a Diagnostic job submitted at that start.</summary>
internal static class JobTestData
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    public static Job NewJob(int maxAttempts = 3, int timeoutSeconds = 3600) =>
        Job.Submit(JobKind.Diagnostic, HardwareClass.Cpu, "{}", null, "alice", Guid.NewGuid(), timeoutSeconds, maxAttempts, Start);
}
