using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Pages;

public sealed class JobDetailsTests : PortalTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly JobInfo Failed = new(
        Guid.Parse("0193a0a0-0000-7000-8000-0000000000f1"), "Evaluate", "Failed", null, "ana", 40, null, null, "dataset missing", Start,
        "Cpu", """{"model":"cancer","version":2}""", 3, 3, "worker-a", Start, Start.AddSeconds(75), """{"error":"dataset missing"}""");

    [Fact]
    public void It_shows_id_kind_parameters_worker_attempts_duration_and_result()
    {
        var details = Render<JobDetails>(p => p.Add(x => x.Job, Failed).Add(x => x.CanAct, true));

        Assert.Equal(Failed.Id.ToString(), details.Find("[data-testid=job-id]").TextContent);
        Assert.Single(details.FindAll("[data-testid=copy-job-id]"));
        Assert.Equal("worker-a", details.Find("[data-testid=job-worker]").TextContent);
        Assert.Equal("3 of 3", details.Find("[data-testid=job-attempts]").TextContent);
        Assert.Equal("1 min 15 s", details.Find("[data-testid=job-duration]").TextContent);
        Assert.Contains("\"version\": 2", details.Find("[data-testid=job-parameters]").TextContent);
        Assert.Contains("dataset missing", details.Find("[data-testid=job-result]").TextContent);
        Assert.Contains("Evaluate on CPU", details.Markup);
    }

    [Fact]
    public void A_failed_job_offers_retry_and_no_cancel()
    {
        var retried = false;
        var details = Render<JobDetails>(p => p.Add(x => x.Job, Failed).Add(x => x.CanAct, true).Add(x => x.OnRetry, () => retried = true));

        Assert.DoesNotContain(details.FindAll("button"), b => b.TextContent.Contains("Cancel job"));
        details.FindAll("button").Single(b => b.TextContent.Contains("Retry job")).Click();

        Assert.True(retried);
    }

    [Fact]
    public void A_running_job_offers_cancel_and_counts_its_duration_so_far()
    {
        var running = Failed with { State = "Running", FinishedAt = null, ResultJson = null };

        var details = Render<JobDetails>(p => p.Add(x => x.Job, running).Add(x => x.CanAct, true).Add(x => x.At, Start.AddSeconds(30)));

        Assert.Contains(details.FindAll("button"), b => b.TextContent.Contains("Cancel job"));
        Assert.DoesNotContain(details.FindAll("button"), b => b.TextContent.Contains("Retry job"));
        Assert.Equal("30 s so far", details.Find("[data-testid=job-duration]").TextContent);
        Assert.Equal("not yet", details.Find("[data-testid=job-result]").TextContent);
    }

    [Fact]
    public void A_viewer_gets_no_buttons()
    {
        var details = Render<JobDetails>(p => p.Add(x => x.Job, Failed).Add(x => x.CanAct, false));

        Assert.DoesNotContain(details.FindAll("button"), b => b.TextContent.Contains("job"));
    }
}
