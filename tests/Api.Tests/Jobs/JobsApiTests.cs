using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>The job API without a worker: jobs stay Queued unless cancelled, so every state here is one the Api set.</summary>
public sealed class JobsApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task A_submitted_job_is_202_with_its_location_and_queued()
    {
        var client = await factory.ScientistAsync();

        var response = await client.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters = new { durationMs = 10 } });
        var job = await response.ExpectAsync(202);

        var id = job["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/jobs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Queued", job["state"]!.GetValue<string>());
        Assert.Equal("Diagnostic", job["kind"]!.GetValue<string>());
        Assert.Equal("Cpu", job["hardwareClass"]!.GetValue<string>());
        Assert.Equal(0, job["attempts"]!.GetValue<int>());
        var fetched = await (await client.GetAsync(response.Headers.Location)).ExpectAsync(200);
        Assert.Equal("Queued", fetched["state"]!.GetValue<string>());
        Assert.Equal(10, JsonNode.Parse(fetched["parametersJson"]!.GetValue<string>())!["durationMs"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_list_filters_by_state_and_kind_and_pages_with_a_cursor_newest_first()
    {
        using var client = await factory.UserAsync("DataScientist");
        var queued1 = await SubmitAsync(client, "Diagnostic");
        var cancelled = await SubmitAsync(client, "Diagnostic");
        var queued2 = await SubmitAsync(client, "Diagnostic");
        var deploy = await SubmitAsync(client, "Deploy");
        await (await client.PostAsync($"/api/v1/jobs/{cancelled}/cancel", null)).ExpectAsync(200);

        var first = await (await client.GetAsync("/api/v1/jobs?state=Queued&kind=Diagnostic&limit=1")).ExpectAsync(200);
        var cursor = first["nextCursor"]?.GetValue<string>();
        Assert.True(cursor is not null, "the first page of two matching jobs has no next cursor");
        var second = await (await client.GetAsync($"/api/v1/jobs?state=Queued&kind=Diagnostic&limit=1&cursor={Uri.EscapeDataString(cursor)}"))
            .ExpectAsync(200);

        Assert.Equal([queued2, queued1], [.. Ids(first), .. Ids(second)]);
        Assert.Null(second["nextCursor"]);
        Assert.Equal([cancelled], Ids(await (await client.GetAsync("/api/v1/jobs?state=Cancelled")).ExpectAsync(200)));
        Assert.Equal([deploy], Ids(await (await client.GetAsync("/api/v1/jobs?kind=Deploy")).ExpectAsync(200)));
        Assert.Equal([deploy, queued2, cancelled, queued1], Ids(await (await client.GetAsync("/api/v1/jobs")).ExpectAsync(200)));
    }

    [Fact]
    public async Task Another_data_scientist_neither_finds_nor_lists_nor_cancels_my_job()
    {
        using var me = await factory.UserAsync("DataScientist");
        using var other = await factory.UserAsync("DataScientist");
        var job = await SubmitAsync(me, "Diagnostic");

        await (await other.GetAsync($"/api/v1/jobs/{job}")).ExpectAsync(404);
        await (await other.GetAsync($"/api/v1/jobs/{job}/logs")).ExpectAsync(404);
        await (await other.PostAsync($"/api/v1/jobs/{job}/cancel", null)).ExpectAsync(404);
        var list = await (await other.GetAsync("/api/v1/jobs?limit=500")).ExpectAsync(200);
        Assert.DoesNotContain(job, Ids(list));
        var mine = await (await me.GetAsync($"/api/v1/jobs/{job}")).ExpectAsync(200);
        Assert.Equal("Queued", mine["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_operator_sees_and_lists_every_users_job()
    {
        using var me = await factory.UserAsync("DataScientist");
        using var operatorClient = await factory.UserAsync("Operator");
        var job = await SubmitAsync(me, "Diagnostic");

        var seen = await (await operatorClient.GetAsync($"/api/v1/jobs/{job}")).ExpectAsync(200);
        var list = await (await operatorClient.GetAsync("/api/v1/jobs?state=Queued&limit=500")).ExpectAsync(200);

        Assert.Equal(job, seen["id"]!.GetValue<string>());
        Assert.Contains(job, Ids(list));
    }

    [Fact]
    public async Task A_cancelled_queued_job_ends_at_once_and_a_retry_queues_it_again()
    {
        var client = await factory.ScientistAsync();
        var job = await SubmitAsync(client, "Diagnostic");

        var cancelled = await (await client.PostAsync($"/api/v1/jobs/{job}/cancel", null)).ExpectAsync(200);
        Assert.Equal("Cancelled", cancelled["state"]!.GetValue<string>());
        Assert.NotNull(cancelled["finishedAt"]);

        var retry = await client.PostAsync($"/api/v1/jobs/{job}/retry", null);
        var retried = await retry.ExpectAsync(202);
        Assert.Equal($"/api/v1/jobs/{job}", retry.Headers.Location?.OriginalString);
        Assert.Equal("Queued", retried["state"]!.GetValue<string>());
        Assert.False(retried["cancelRequested"]!.GetValue<bool>(), "the retried job still carries the cancel request");
        var fetched = await (await client.GetAsync($"/api/v1/jobs/{job}")).ExpectAsync(200);
        Assert.Equal("Queued", fetched["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_an_ended_job_and_retrying_a_queued_one_are_409_with_the_rule()
    {
        var client = await factory.ScientistAsync();
        var job = await SubmitAsync(client, "Diagnostic");

        var notRetryable = await (await client.PostAsync($"/api/v1/jobs/{job}/retry", null)).ExpectAsync(409);
        await (await client.PostAsync($"/api/v1/jobs/{job}/cancel", null)).ExpectAsync(200);
        var ended = await (await client.PostAsync($"/api/v1/jobs/{job}/cancel", null)).ExpectAsync(409);

        Assert.Equal("job.not-retryable", notRetryable["code"]!.GetValue<string>());
        Assert.Equal("job.already-ended", ended["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_job_is_404_everywhere()
    {
        using var client = await factory.UserAsync("Operator");
        var unknown = Guid.NewGuid();

        await (await client.GetAsync($"/api/v1/jobs/{unknown}")).ExpectAsync(404);
        await (await client.GetAsync($"/api/v1/jobs/{unknown}/logs")).ExpectAsync(404);
        await (await client.PostAsync($"/api/v1/jobs/{unknown}/cancel", null)).ExpectAsync(404);
        await (await client.PostAsync($"/api/v1/jobs/{unknown}/retry", null)).ExpectAsync(404);
    }

    [Fact]
    public async Task A_queued_job_has_no_log_lines_yet()
    {
        var client = await factory.ScientistAsync();
        var job = await SubmitAsync(client, "Diagnostic");

        var logs = await (await client.GetAsync($"/api/v1/jobs/{job}/logs")).ExpectAsync(200);

        Assert.Empty(logs["items"]!.AsArray());
        Assert.Null(logs["nextCursor"]);
    }

    private static async Task<string> SubmitAsync(HttpClient client, string kind)
    {
        // A Deploy job submitted by hand validates versions without changing a deployment; its parameters are checked like any other kind's.
        object? parameters = kind == "Deploy" ? new { deployment = "smoke", model = "m", versions = new[] { new { version = 1 } } } : null;
        var job = await (await client.PostJsonAsync("/api/v1/jobs", new { kind, parameters })).ExpectAsync(202);
        return job["id"]!.GetValue<string>();
    }

    private static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()).ToList();
}
