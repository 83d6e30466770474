using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Deployments;

namespace Platform.Web.Tests.Deployments;

/// <summary>The deploy job's progress tells its page once the job has ended, whichever way the domain ends a job.</summary>
public sealed class DeployJobProgressTests : DeploymentPageContext
{
    private static readonly Guid JobId = Guid.NewGuid();

    private static JobInfo Job(string state) =>
        new(JobId, "Deploy", state, null, "olga", state == "Running" ? 40 : 100, "validating", null, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    [InlineData("Cancelled")]
    [InlineData("TimedOut")]
    public async Task A_deploy_job_that_ends_is_told_to_the_page_once(string end)
    {
        Live.JobsHub.Answer("SubscribeToJob", _ => Job("Running"));
        var told = new List<string>();
        var progress = Render<DeployJobProgress>(p => p
            .Add(c => c.JobId, JobId)
            .Add(c => c.Ended, (JobInfo job) => told.Add(job.State)));
        progress.WaitForAssertion(() => Assert.Contains("40%", progress.Markup));
        Assert.Empty(told);

        await progress.InvokeAsync(() => Live.JobsHub.PushAsync("JobChanged", Job(end)));
        await progress.InvokeAsync(() => Live.JobsHub.PushAsync("JobChanged", Job(end)));

        Assert.Equal([end], told);
    }
}
