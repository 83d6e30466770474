using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Application.Jobs.Commands.AppendJobLogs;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Tests.Jobs;

/// <summary>A job's log read whole a page at a time, or only its end (what the portal shows before following live lines).</summary>
public sealed class JobLogTailApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task The_tail_is_the_last_lines_in_order_and_pages_still_read_from_the_start()
    {
        var owner = await factory.ScientistAsync();
        var job = await (await owner.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic" })).ExpectAsync(202);
        var jobId = Guid.Parse(job["id"]!.GetValue<string>());
        var claimed = await factory.ClaimAsWorkerAsync(jobId);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var lines = Enumerable.Range(1, 12).Select(i => new JobLogEntry(DateTimeOffset.UtcNow, $"line {i}")).ToList();
            await scope.ServiceProvider.GetRequiredService<SystemSender>()
                .SendAsync(new AppendJobLogsCommand(jobId, claimed.LeaseId, lines), "worker:" + ApiFactory.WorkerName, CancellationToken.None);
        }

        var tail = await (await owner.GetAsync($"/api/v1/jobs/{jobId}/logs?tail=5")).ExpectAsync(200);
        Assert.Equal(["line 8", "line 9", "line 10", "line 11", "line 12"], tail["items"]!.AsArray().Select(l => l!["text"]!.GetValue<string>()));
        Assert.Null(tail["nextCursor"]);

        var first = await (await owner.GetAsync($"/api/v1/jobs/{jobId}/logs?limit=5")).ExpectAsync(200);
        Assert.Equal("line 1", first["items"]![0]!["text"]!.GetValue<string>());
        Assert.NotNull(first["nextCursor"]);

        var problem = await (await owner.GetAsync($"/api/v1/jobs/{jobId}/logs?tail=0")).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["tail"]);
    }
}
