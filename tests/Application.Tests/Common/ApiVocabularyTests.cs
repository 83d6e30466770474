using Platform.Contracts.Api;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Tests.Common;

/// <summary>
/// The states clients read (Contracts' <see cref="JobStates"/> and <see cref="RunStatuses"/>, used by the portal) are
/// the domain's own: a state added to the domain and not here fails, as TimedOut once went missing from the portal.
/// </summary>
public sealed class ApiVocabularyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_job_state_is_known_to_clients_with_the_domains_ends()
    {
        Assert.Equal(Enum.GetNames<JobState>(), JobStates.All);
        Assert.Equal(Enum.GetValues<JobState>().Where(s => s.IsFinal()).Select(s => s.ToString()), JobStates.Final);
    }

    [Fact]
    public void Clients_offer_a_retry_exactly_where_the_domain_accepts_one()
    {
        foreach (var state in Enum.GetValues<JobState>())
        {
            var job = JobIn(state);
            var accepted = Record.Exception(() => job.Retry(Now)) is null;
            Assert.True(accepted == JobStates.CanRetry(state.ToString()), $"{state}: the domain {(accepted ? "accepts" : "refuses")} a retry, clients think otherwise");
        }
    }

    [Fact]
    public void Every_run_status_is_known_to_clients()
    {
        Assert.Equal(Enum.GetNames<RunStatus>(), RunStatuses.All);
        Assert.Equal([RunStatuses.Scheduled, RunStatuses.Running], RunStatuses.All.Where(RunStatuses.IsActive));
    }

    private static Job JobIn(JobState state)
    {
        var job = Job.Submit(JobKind.Diagnostic, HardwareClass.Cpu, "{}", null, "ana", null, 300, 1, Now);
        typeof(Job).GetProperty(nameof(Job.State))!.SetValue(job, state);
        return job;
    }
}
