using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Pages;
using Platform.Web.Tests.Deployments;

namespace Platform.Web.Tests.Pages;

/// <summary>
/// Hub-driven pages rendered whole over the stub Api and the fake hubs: an event pushed as the Api's hub would push it
/// changes what the page shows, with no reload.
/// </summary>
public sealed class LivePagesTests : DeploymentPageContext
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();
    private static readonly Guid ExperimentId = Guid.NewGuid();
    private static readonly Guid RunId = Guid.NewGuid();
    private static readonly Guid JobId = Guid.NewGuid();

    public LivePagesTests()
    {
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddScoped<BrowserDownloads>();
        Api.On(HttpMethod.Get, $"/api/v1/experiments/{ExperimentId}", () => new Experiment(ExperimentId, "churn", null, "Active", "ana", DateTimeOffset.UnixEpoch));
        Api.On(HttpMethod.Get, $"/api/v1/jobs/{JobId}/logs", () => new Page<LogLine>([], null));
    }

    private static RunDetail Run(string status) => new(
        RunId, ExperimentId, "baseline", status, DateTimeOffset.UnixEpoch, status == "Finished" ? DateTimeOffset.UnixEpoch.AddMinutes(3) : null, "ana",
        new Dictionary<string, string> { ["trainer"] = "FastTree" }, new Dictionary<string, string>(), []);

    private static JobInfo Job(string state) => new(
        JobId, "Train", state, RunId, "ana", state == "Succeeded" ? 100 : 40, "training", null, null, DateTimeOffset.UnixEpoch, Attempts: 1, MaxAttempts: 3);

    /// <summary>The run's reads answer as the run is now: running with nothing yet, or finished with its model and version.</summary>
    private void ServeRun(Func<bool> finished)
    {
        Api.On(HttpMethod.Get, $"/api/v1/runs/{RunId}", () => Run(finished() ? "Finished" : "Running"));
        Api.On(HttpMethod.Get, $"/api/v1/runs/{RunId}/artifacts", () => new Page<ArtifactInfo>(finished() ? [new("model.onnx", 2048)] : [], null));
        Api.On(HttpMethod.Get, $"/api/v1/runs/{RunId}/model-versions", () => new Page<RunModelVersion>(
            finished() ? [new("churn-model", 1, "Development", DateTimeOffset.UnixEpoch)] : [], null));
        Api.On(HttpMethod.Get, "/api/v1/jobs?runId=", () => new Page<RunJob>([new(JobId, "Train", finished() ? "Succeeded" : "Running", "{}", "ana", DateTimeOffset.UnixEpoch)], null));
    }

    [Fact]
    public async Task The_run_page_turns_finished_with_its_artefacts_and_version_when_its_job_ends()
    {
        var finished = false;
        ServeRun(() => finished);
        var page = RenderAs<RunPage>("DataScientist", ("Id", RunId));
        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("[data-testid=run-status]").TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid=no-artifacts]"));
        Assert.Equal(("No tags.", 0), (page.Find("[data-testid=no-tags]").TextContent, page.FindAll("[data-testid=no-params]").Count));
        Assert.Contains(Live.JobsHub.Invoked, i => i.Method == "SubscribeToJob" && (Guid)i.Argument! == JobId);

        finished = true;
        await page.InvokeAsync(() => Live.JobsHub.PushAsync("JobChanged", new RunJob(JobId, "Train", "Succeeded", "{}", "ana", DateTimeOffset.UnixEpoch)));

        page.WaitForAssertion(() => Assert.Equal("Finished", page.Find("[data-testid=run-status]").TextContent.Trim()));
        Assert.Contains("model.onnx", page.Find("[data-testid=artifact]").TextContent);
        Assert.Contains("churn-model v1", page.Find("[data-testid=lineage-version]").TextContent);
    }

    [Fact]
    public async Task The_run_page_ignores_the_end_of_another_job_and_shows_live_metrics_and_log_lines()
    {
        var finished = false;
        ServeRun(() => finished);
        var page = RenderAs<RunPage>("DataScientist", ("Id", RunId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=live-log]")));

        finished = true; // the Api would now say Finished, but the event is about someone else's job
        await page.InvokeAsync(() => Live.JobsHub.PushAsync("JobChanged", new RunJob(Guid.NewGuid(), "Train", "Succeeded", "{}", "bo", DateTimeOffset.UnixEpoch)));
        await page.InvokeAsync(() => Live.JobsHub.PushAsync("RunMetrics", RunId, new List<MetricValue> { new("validation.auc", 0.91, 3) }));
        await page.InvokeAsync(() => Live.JobsHub.PushAsync("JobLog", JobId, new List<LogLine> { new(1, DateTimeOffset.UnixEpoch, "epoch 3: auc 0.91") }));

        page.WaitForAssertion(() => Assert.Contains("epoch 3: auc 0.91", page.Find("[data-testid=log-line]").TextContent));
        Assert.Contains("0.91", page.Find("[data-testid=latest-metrics]").TextContent);
        Assert.Equal("Running", page.Find("[data-testid=run-status]").TextContent.Trim());
    }

    [Fact]
    public async Task The_job_page_says_why_a_queued_job_waits_until_it_is_sent_to_the_workers()
    {
        const string Waiting = "Waiting: the workspace has its quota of 10 concurrent jobs with the workers; it is sent when one of them ends.";
        ServeRun(() => false);
        Live.JobsHub.Answer("SubscribeToJob", _ => Job("Queued") with { WaitingFor = Waiting });
        Api.On(HttpMethod.Get, $"/api/v1/jobs/{JobId}", () => Job("Queued") with { WaitingFor = Waiting });
        Api.On(HttpMethod.Get, $"/api/v1/jobs/{JobId}/logs", () => new Page<LogLine>([], null));
        var page = RenderAs<JobPage>("DataScientist", ("Id", JobId));
        page.WaitForAssertion(() => Assert.Equal(Waiting, page.Find("[data-testid=job-waiting]").TextContent.Trim()));

        await page.InvokeAsync(() => Live.JobsHub.PushAsync("JobChanged", Job("Running")));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=job-waiting]")));
    }

    [Fact]
    public async Task The_job_page_follows_its_job_to_the_end_and_then_links_the_version_registered_from_its_run()
    {
        var finished = false;
        ServeRun(() => finished);
        Live.JobsHub.Answer("SubscribeToJob", _ => Job("Running"));
        Api.On(HttpMethod.Get, $"/api/v1/jobs/{JobId}", () => Job(finished ? "Succeeded" : "Running"));
        Api.On(HttpMethod.Get, $"/api/v1/jobs/{JobId}/logs", () => new Page<LogLine>([], null));
        var page = RenderAs<JobPage>("DataScientist", ("Id", JobId));
        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("[data-testid=job-state]").TextContent.Trim()));
        Assert.Equal("40%", page.Find("[data-testid=job-progress]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=register]"));

        finished = true;
        await page.InvokeAsync(() => Live.JobsHub.PushAsync("JobChanged", Job("Succeeded")));
        await page.InvokeAsync(() => Live.JobsHub.PushAsync("JobLog", JobId, new List<LogLine> { new(7, DateTimeOffset.UnixEpoch, "saved model.onnx") }));

        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find("[data-testid=job-state]").TextContent.Trim()));
        Assert.Equal("100%", page.Find("[data-testid=job-progress]").TextContent.Trim());
        Assert.Equal("/models/churn-model/versions/1", page.Find("[data-testid=registered-version] a").GetAttribute("href"));
        page.WaitForAssertion(() => Assert.Contains("saved model.onnx", page.Find("[data-testid=log-line]").TextContent));
    }

    [Fact]
    public async Task The_model_page_reads_its_versions_again_when_the_models_feed_says_something_changed()
    {
        var versions = new List<ModelVersionInfo> { Version(1, "Staging") };
        Api.On(HttpMethod.Get, "/api/v1/deployments", () => new Page<DeploymentInfo>([], null));
        Api.On(HttpMethod.Get, "/api/v1/promotions", () => new Page<PromotionRequest>([], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn-model/versions", () => new Page<ModelVersionInfo>([.. versions], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn-model/versions/1/evaluations", () => new Page<ModelEvaluation>([], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn-model/versions/2/evaluations", () => new Page<ModelEvaluation>([], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn-model/aliases", () => Array.Empty<ModelAlias>());
        Api.On(HttpMethod.Get, "/api/v1/models/churn-model/stage-history", () => new Page<StageTransition>([], null));
        var page = RenderAs<ModelVersions>("DataScientist", ("Name", "churn-model"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=version-link-v1]")));
        Assert.Contains(Live.NotificationsHub.Invoked, i => i.Method == "SubscribeToModel" && (string)i.Argument! == "churn-model");

        versions.Insert(0, Version(2, "Development"));
        versions[1] = Version(1, "Production");
        await page.InvokeAsync(() => Live.NotificationsHub.PushAsync("Notification", Notification("model.version-registered")));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=version-link-v2]")));
        Assert.Contains("Production", page.FindAll("tr").Single(r => r.QuerySelector("[data-testid=version-link-v1]") is not null).TextContent);
    }

    [Fact]
    public async Task The_approvals_inbox_shows_a_request_made_elsewhere_and_drops_one_decided_elsewhere()
    {
        var pending = new List<PromotionRequest>();
        Api.On(HttpMethod.Get, "/api/v1/promotions?limit=20&status=Pending", () => new Page<PromotionRequest>([.. pending], null));
        Api.On(HttpMethod.Get, "/api/v1/promotions?limit=20&status=Approved", () => new Page<PromotionRequest>([], null));
        Api.On(HttpMethod.Get, "/api/v1/models/churn-model/versions/2", () => Version(2, "Staging"));
        var page = RenderAs<Approvals>("Approver");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-empty]")));
        Assert.Contains(Live.NotificationsHub.Invoked, i => i.Method == "SubscribeToApprovals");

        pending.Add(Request());
        await page.InvokeAsync(() => Live.NotificationsHub.PushAsync("Notification", Notification("promotion.requested")));
        page.WaitForAssertion(() => Assert.Contains("churn-model", page.Find("[data-testid=approval-panel]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=inbox-empty]"));

        pending.Clear();
        await page.InvokeAsync(() => Live.NotificationsHub.PushAsync("Notification", Notification("promotion.approved")));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=approval-panel]")));
    }

    [Fact]
    public void A_viewer_opening_the_approvals_page_is_not_subscribed_to_the_approvers_feed()
    {
        Api.On(HttpMethod.Get, "/api/v1/promotions", () => new Page<PromotionRequest>([], null));

        var page = RenderAs<Approvals>("Viewer");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=not-an-approver]")));
        Assert.DoesNotContain(Live.NotificationsHub.Invoked, i => i.Method == "SubscribeToApprovals");
    }

    private static ModelVersionInfo Version(int version, string stage) =>
        new("churn-model", version, stage, new string('b', 64), Empty, null, "ana", DateTimeOffset.UnixEpoch);

    private static PromotionRequest Request() => new(
        Guid.NewGuid(), "churn-model", 2, "Production", "Pending", "better recall", "ana", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), 0, 1, [],
        new GateEvidence(DateTimeOffset.UnixEpoch, null, [], true), null);

    private static JsonElement Notification(string type) =>
        JsonSerializer.SerializeToElement(new { type, data = new { model = "churn-model" } });
}
