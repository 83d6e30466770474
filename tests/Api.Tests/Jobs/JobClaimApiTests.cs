using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>
/// A worker claims a job over HTTP with the claim ticket its queued message carries: the ticket takes that job (one
/// worker per attempt), only while its attempt is queued or held, and does nothing else.
/// </summary>
public sealed class JobClaimApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task A_claim_ticket_takes_its_job_once_gives_a_repeat_the_same_lease_and_refuses_a_second_worker()
    {
        var owner = await factory.ScientistAsync();
        var jobId = await owner.SubmitDiagnosticJobAsync();
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
        var jobId = await owner.SubmitDiagnosticJobAsync();
        var otherJob = await owner.SubmitDiagnosticJobAsync();
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
        var (_, jobToken) = await factory.SubmitAndClaimAsync(owner);
        using var running = factory.Authorized(jobToken);
        await (await running.PostJsonAsync($"/api/v1/jobs/{otherJob}/claim", new { workerId = "worker-a" })).ExpectAsync(403);
        Assert.Equal("Queued", (await (await owner.GetAsync($"/api/v1/jobs/{otherJob}")).ExpectAsync(200))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_claim_ticket_stops_working_once_its_job_ended_or_was_cancelled_and_a_released_job_is_claimed_afresh()
    {
        var owner = await factory.ScientistAsync();
        var cancelled = await owner.SubmitDiagnosticJobAsync();
        using var cancelledTicket = factory.Authorized(await factory.ClaimTicketAsync(cancelled));
        await (await owner.PostAsync($"/api/v1/jobs/{cancelled}/cancel", null)).ExpectAsync(200);
        var (finished, finishedToken) = await factory.SubmitAndClaimAsync(owner);
        using var finishedTicket = factory.Authorized(await factory.ClaimTicketAsync(finished));
        using var finishedWorker = factory.Authorized(finishedToken);
        await (await finishedWorker.PostJsonAsync($"/api/v1/jobs/{finished}/end", new { outcome = "Succeeded" })).ExpectAsync(200);
        var (released, releasedToken) = await factory.SubmitAndClaimAsync(owner);
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
        var jobId = await owner.SubmitDiagnosticJobAsync();
        using var ticket = factory.Authorized(await factory.ClaimTicketAsync(jobId));

        var problem = await (await ticket.PostAsync($"/api/v1/jobs/{jobId}/claim", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ExpectAsync(400);

        Assert.True(problem["errors"]?["workerId"] is not null, $"no error for workerId: {problem}");
    }
}
