using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>
/// The REST surface a worker reports through: the claim, with the queued message's claim ticket, hands out the
/// attempt's job token, and the token works for that job while its attempt runs, and for nothing else.
/// </summary>
public sealed class JobReportsApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task The_claims_token_renews_the_lease_sees_a_cancel_and_ends_the_job_once()
    {
        var owner = await factory.ScientistAsync();
        var (jobId, token) = await SubmitAndClaimAsync(owner);
        using var worker = factory.Authorized(token);

        var lease = await (await worker.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(200);
        Assert.True(lease["active"]!.GetValue<bool>());
        Assert.False(lease["cancelRequested"]!.GetValue<bool>());
        await (await owner.PostAsync($"/api/v1/jobs/{jobId}/cancel", null)).ExpectAsync(200);
        lease = await (await worker.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(200);
        Assert.True(lease["cancelRequested"]!.GetValue<bool>());

        var end = await (await worker.PostJsonAsync($"/api/v1/jobs/{jobId}/end", new { outcome = "Cancelled", reason = "Cancelled on request." })).ExpectAsync(200);

        Assert.True(end["changed"]!.GetValue<bool>());
        var job = await (await owner.GetAsync($"/api/v1/jobs/{jobId}")).ExpectAsync(200);
        Assert.Equal("Cancelled", job["state"]!.GetValue<string>());
        // The attempt is over: its token no longer works, for a repeated end or a renewal.
        await (await worker.PostJsonAsync($"/api/v1/jobs/{jobId}/end", new { outcome = "Succeeded" })).ExpectAsync(401);
        await (await worker.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(401);
        Assert.Equal("Cancelled", (await (await owner.GetAsync($"/api/v1/jobs/{jobId}")).ExpectAsync(200))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_released_job_is_queued_again_with_the_worker_and_lease_gone()
    {
        var owner = await factory.ScientistAsync();
        var (jobId, token) = await SubmitAndClaimAsync(owner);
        using var worker = factory.Authorized(token);

        await (await worker.PostJsonAsync($"/api/v1/jobs/{jobId}/end", new { outcome = "Released", reason = "worker shutting down" })).ExpectAsync(200);

        var job = await (await owner.GetAsync($"/api/v1/jobs/{jobId}")).ExpectAsync(200);
        Assert.Equal("Queued", job["state"]!.GetValue<string>());
        await (await worker.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(401);
    }

    [Fact]
    public async Task A_jobs_token_acts_for_its_own_job_only()
    {
        var owner = await factory.ScientistAsync();
        var (_, token) = await SubmitAndClaimAsync(owner);
        var (otherJob, _) = await SubmitAndClaimAsync(owner);
        using var worker = factory.Authorized(token);

        await (await worker.PostAsync($"/api/v1/jobs/{otherJob}/lease", null)).ExpectAsync(403);
        await (await worker.PostJsonAsync($"/api/v1/jobs/{otherJob}/end", new { outcome = "Failed" })).ExpectAsync(403);
        await (await worker.GetAsync("/api/v1/jobs")).ExpectAsync(403);
        await (await worker.PostJsonAsync("/api/v1/experiments", new { name = "by-a-job" })).ExpectAsync(403);
        Assert.Equal("Running", (await (await owner.GetAsync($"/api/v1/jobs/{otherJob}")).ExpectAsync(200))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_token_is_401_and_a_persons_token_cannot_report_for_a_job()
    {
        var owner = await factory.ScientistAsync();
        var (jobId, token) = await SubmitAndClaimAsync(owner);
        var (otherJob, _) = await SubmitAndClaimAsync(owner);
        using var forged = factory.Authorized(token.Replace(jobId.ToString("N"), otherJob.ToString("N"), StringComparison.Ordinal));
        using var admin = await factory.AdminAsync();

        await (await forged.PostAsync($"/api/v1/jobs/{otherJob}/lease", null)).ExpectAsync(401);
        await (await admin.PostJsonAsync($"/api/v1/jobs/{jobId}/end", new { outcome = "Succeeded" })).ExpectAsync(403);
        await (await owner.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(403);
    }

    [Fact]
    public async Task A_jobs_token_writes_and_reads_its_own_runs_artefacts_and_reads_datasets_only()
    {
        var owner = await factory.ScientistAsync();
        var experiment = await owner.CreateExperimentAsync();
        var run = await owner.CreateRunAsync(experiment);
        var otherRun = await owner.CreateRunAsync(experiment);
        var (_, token) = await SubmitAndClaimAsync(owner, run);
        using var worker = factory.Authorized(token);

        await (await worker.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent([1, 2, 3]))).ExpectAsync(200);
        Assert.Equal([1, 2, 3], await (await owner.GetAsync($"/api/v1/runs/{run}/artifacts/model.onnx")).Content.ReadAsByteArrayAsync());
        Assert.Equal([1, 2, 3], await (await worker.GetAsync($"/api/v1/runs/{run}/artifacts/model.onnx")).Content.ReadAsByteArrayAsync());
        await (await worker.PutAsync($"/api/v1/runs/{otherRun}/artifacts/model.onnx", new ByteArrayContent([4]))).ExpectAsync(403);
        await (await worker.GetAsync($"/api/v1/runs/{run}")).ExpectAsync(403);
        // Past the authorisation check: the dataset simply does not exist.
        await (await worker.GetAsync("/api/v1/datasets/nothing/versions/1/content?split=train")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_claim_ticket_takes_its_job_once_gives_a_repeat_the_same_lease_and_refuses_a_second_worker()
    {
        var owner = await factory.ScientistAsync();
        var jobId = await SubmitAsync(owner);
        using var ticket = factory.Authorized(await factory.ClaimTicketAsync(jobId));

        var first = await (await ticket.PostJsonAsync($"/api/v1/jobs/{jobId}/claim", new { workerId = "worker-a" })).ExpectAsync(200);
        var again = await (await ticket.PostJsonAsync($"/api/v1/jobs/{jobId}/claim", new { workerId = "worker-a" })).ExpectAsync(200);
        var second = await (await ticket.PostJsonAsync($"/api/v1/jobs/{jobId}/claim", new { workerId = "worker-b" })).ExpectAsync(409);

        Assert.Equal(first["leaseId"]!.GetValue<string>(), again["leaseId"]!.GetValue<string>());
        Assert.Equal(1, first["attempt"]!.GetValue<int>());
        Assert.Equal("job.not-claimable", second["code"]!.GetValue<string>());
        Assert.Contains("Running", second["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var job = await (await owner.GetAsync($"/api/v1/jobs/{jobId}")).ExpectAsync(200);
        Assert.Equal("Running", job["state"]!.GetValue<string>());
        // The job token it brought works for the attempt.
        using var worker = factory.Authorized(first["token"]!.GetValue<string>());
        await (await worker.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(200);
    }

    [Fact]
    public async Task A_claim_ticket_claims_its_own_job_only_and_nothing_else()
    {
        var owner = await factory.ScientistAsync();
        var jobId = await SubmitAsync(owner);
        var otherJob = await SubmitAsync(owner);
        var ticketText = await factory.ClaimTicketAsync(jobId);
        using var ticket = factory.Authorized(ticketText);
        using var forged = factory.Authorized(ticketText.Replace(jobId.ToString("N"), otherJob.ToString("N"), StringComparison.Ordinal));

        await (await ticket.PostJsonAsync($"/api/v1/jobs/{otherJob}/claim", new { workerId = "worker-a" })).ExpectAsync(403);
        await (await forged.PostJsonAsync($"/api/v1/jobs/{otherJob}/claim", new { workerId = "worker-a" })).ExpectAsync(401);
        await (await ticket.PostAsync($"/api/v1/jobs/{jobId}/lease", null)).ExpectAsync(403);
        await (await ticket.GetAsync("/api/v1/datasets/nothing/versions/1/content?split=train")).ExpectAsync(403);
        await (await ticket.GetAsync("/api/v1/jobs")).ExpectAsync(403);
        // Neither a person (even an Admin) nor a running job's token may claim.
        using var admin = await factory.AdminAsync();
        await (await admin.PostJsonAsync($"/api/v1/jobs/{otherJob}/claim", new { workerId = "worker-a" })).ExpectAsync(403);
        var (_, jobToken) = await SubmitAndClaimAsync(owner);
        using var running = factory.Authorized(jobToken);
        await (await running.PostJsonAsync($"/api/v1/jobs/{otherJob}/claim", new { workerId = "worker-a" })).ExpectAsync(403);
        Assert.Equal("Queued", (await (await owner.GetAsync($"/api/v1/jobs/{otherJob}")).ExpectAsync(200))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_claim_ticket_stops_working_once_its_job_ended_or_was_cancelled_and_a_released_job_is_claimed_afresh()
    {
        var owner = await factory.ScientistAsync();
        var cancelled = await SubmitAsync(owner);
        using var cancelledTicket = factory.Authorized(await factory.ClaimTicketAsync(cancelled));
        await (await owner.PostAsync($"/api/v1/jobs/{cancelled}/cancel", null)).ExpectAsync(200);
        var (finished, finishedToken) = await SubmitAndClaimAsync(owner);
        using var finishedTicket = factory.Authorized(await factory.ClaimTicketAsync(finished));
        using var finishedWorker = factory.Authorized(finishedToken);
        await (await finishedWorker.PostJsonAsync($"/api/v1/jobs/{finished}/end", new { outcome = "Succeeded" })).ExpectAsync(200);
        var (released, releasedToken) = await SubmitAndClaimAsync(owner);
        using var releasedWorker = factory.Authorized(releasedToken);
        await (await releasedWorker.PostJsonAsync($"/api/v1/jobs/{released}/end", new { outcome = "Released", reason = "worker shutting down" })).ExpectAsync(200);

        await (await cancelledTicket.PostJsonAsync($"/api/v1/jobs/{cancelled}/claim", new { workerId = "worker-a" })).ExpectAsync(401);
        await (await finishedTicket.PostJsonAsync($"/api/v1/jobs/{finished}/claim", new { workerId = "worker-a" })).ExpectAsync(401);
        Assert.Equal("Succeeded", (await (await owner.GetAsync($"/api/v1/jobs/{finished}")).ExpectAsync(200))["state"]!.GetValue<string>());
        // Handed back unfinished: the message queued again carries a ticket another worker takes it with.
        using var againTicket = factory.Authorized(await factory.ClaimTicketAsync(released));
        var claim = await (await againTicket.PostJsonAsync($"/api/v1/jobs/{released}/claim", new { workerId = "worker-b" })).ExpectAsync(200);
        Assert.NotEqual(releasedToken, claim["token"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"workerId":""}""")]
    public async Task A_claim_without_a_worker_is_400_naming_the_field(string body)
    {
        var owner = await factory.ScientistAsync();
        var jobId = await SubmitAsync(owner);
        using var ticket = factory.Authorized(await factory.ClaimTicketAsync(jobId));

        var problem = await (await ticket.PostAsync($"/api/v1/jobs/{jobId}/claim", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ExpectAsync(400);

        Assert.True(problem["errors"]?["workerId"] is not null, $"no error for workerId: {problem}");
    }

    [Theory]
    [InlineData("""{"outcome":"Done"}""", "outcome")]
    [InlineData("""{}""", "outcome")]
    [InlineData("""{"outcome":"Succeeded","resultJson":"{not json"}""", "resultJson")]
    public async Task A_bad_end_report_is_400_naming_the_field(string body, string field)
    {
        var owner = await factory.ScientistAsync();
        var (jobId, token) = await SubmitAndClaimAsync(owner);
        using var worker = factory.Authorized(token);

        var problem = await (await worker.PostAsync($"/api/v1/jobs/{jobId}/end", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {problem}");
        Assert.Equal("Running", (await (await owner.GetAsync($"/api/v1/jobs/{jobId}")).ExpectAsync(200))["state"]!.GetValue<string>());
    }

    private async Task<(Guid JobId, string Token)> SubmitAndClaimAsync(HttpClient owner, string? runId = null)
    {
        var jobId = await SubmitAsync(owner, runId);
        return (jobId, (await factory.ClaimAsWorkerAsync(jobId)).Token);
    }

    private static async Task<Guid> SubmitAsync(HttpClient owner, string? runId = null)
    {
        var job = await (await owner.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", runId })).ExpectAsync(202);
        return Guid.Parse(job["id"]!.GetValue<string>());
    }
}
