using Microsoft.EntityFrameworkCore;
using Platform.Application.Jobs.Commands.ExpireLeases;
using Platform.Application.Jobs.Commands.SubmitJob;
using Platform.Application.Tests.Support;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;

namespace Platform.Application.Tests.Jobs;

/// <summary>Jobs re-dispatched at once (RedispatchAfterSeconds = 0), so that a pass of the lease monitor shows it.</summary>
public sealed class ImmediateRedispatchFixture : ApplicationFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RedispatchAfterSeconds"] = "0" };
}

public sealed class RedispatchTests(ImmediateRedispatchFixture app) : IClassFixture<ImmediateRedispatchFixture>
{
    [Fact]
    public async Task A_queued_job_nobody_claimed_gets_its_message_written_to_the_outbox_again()
    {
        var job = await app.SendAsync(new SubmitJobCommand(JobKind.Diagnostic, HardwareClass.Cpu, "{}", null, null, null), Role.DataScientist);
        var before = await RunJobMessagesFor(job.Id);

        await app.SendAsync(new ExpireLeasesCommand(), Role.System);

        Assert.Equal(1, before);
        Assert.Equal(2, await RunJobMessagesFor(job.Id));
        var stored = await app.ReadAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id));
        Assert.Equal(JobState.Queued, stored.State);
        Assert.Equal(1, stored.Redispatches);
    }

    private Task<int> RunJobMessagesFor(Guid jobId) => app.ReadAsync(db =>
        db.OutboxMessages.CountAsync(m => m.MessageType == typeof(Contracts.Messages.Jobs.RunJob).FullName && m.Body.Contains(jobId.ToString())));
}
