using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>
/// The REST surface a worker reports through with the attempt's job token (handed out by the claim: see
/// <see cref="JobClaimApiTests"/>): the token works for that job while its attempt runs, and for nothing else.
/// </summary>
public sealed class JobReportsApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task The_claims_token_renews_the_lease_sees_a_cancel_and_ends_the_job_once()
    {
        var owner = await factory.ScientistAsync();
        var (jobId, token) = await factory.SubmitAndClaimAsync(owner);
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
        var (jobId, token) = await factory.SubmitAndClaimAsync(owner);
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
        var (_, token) = await factory.SubmitAndClaimAsync(owner);
        var (otherJob, _) = await factory.SubmitAndClaimAsync(owner);
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
        var (jobId, token) = await factory.SubmitAndClaimAsync(owner);
        var (otherJob, _) = await factory.SubmitAndClaimAsync(owner);
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
        var (_, token) = await factory.SubmitAndClaimAsync(owner, run);
        using var worker = factory.Authorized(token);

        await (await worker.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent([1, 2, 3]))).ExpectAsync(200);
        Assert.Equal([1, 2, 3], await (await owner.GetAsync($"/api/v1/runs/{run}/artifacts/model.onnx")).Content.ReadAsByteArrayAsync());
        Assert.Equal([1, 2, 3], await (await worker.GetAsync($"/api/v1/runs/{run}/artifacts/model.onnx")).Content.ReadAsByteArrayAsync());
        await (await worker.PutAsync($"/api/v1/runs/{otherRun}/artifacts/model.onnx", new ByteArrayContent([4]))).ExpectAsync(403);
        await (await worker.GetAsync($"/api/v1/runs/{run}")).ExpectAsync(403);
        // Past the authorisation check: the dataset simply does not exist.
        await (await worker.GetAsync("/api/v1/datasets/nothing/versions/1/content?split=train")).ExpectAsync(404);
    }

    [Theory]
    [InlineData("""{"outcome":"Done"}""", "outcome")]
    [InlineData("""{}""", "outcome")]
    [InlineData("""{"outcome":"Succeeded","resultJson":"{not json"}""", "resultJson")]
    public async Task A_bad_end_report_is_400_naming_the_field(string body, string field)
    {
        var owner = await factory.ScientistAsync();
        var (jobId, token) = await factory.SubmitAndClaimAsync(owner);
        using var worker = factory.Authorized(token);

        var problem = await (await worker.PostAsync($"/api/v1/jobs/{jobId}/end", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {problem}");
        Assert.Equal("Running", (await (await owner.GetAsync($"/api/v1/jobs/{jobId}")).ExpectAsync(200))["state"]!.GetValue<string>());
    }
}
