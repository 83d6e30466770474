using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Workspaces;

/// <summary>
/// A workspace at its quota of concurrent jobs: what it submits past it waits visibly, with the quota named, and is
/// sent to the workers in order as the workspace's jobs end; the quotas are a platform Admin's to set.
/// </summary>
public sealed class WorkspaceQuotaTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Jobs_past_the_quota_wait_with_the_quota_named_and_go_in_order_as_others_end()
    {
        var (name, client) = await WorkspaceAsync();
        await (await client.PutJsonAsync($"/api/v1/workspaces/{name}/quotas", new { concurrentJobs = 2 })).ExpectAsync(200);

        var jobs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            jobs.Add((await (await client.PostJsonAsync($"/api/v1/workspaces/{name}/jobs", new { kind = "Diagnostic", parameters = new { } })).ExpectAsync(202))["id"]!.GetValue<string>());
        }

        Assert.Equal([null, null, "held", "held"], await WaitingAsync(client, name, jobs));
        var third = await (await client.GetAsync($"/api/v1/workspaces/{name}/jobs/{jobs[2]}")).ExpectAsync(200);
        Assert.Contains("quota of 2 concurrent jobs", third["waitingFor"]!.GetValue<string>());
        var quotas = await (await client.GetAsync($"/api/v1/workspaces/{name}/quotas")).ExpectAsync(200);
        Assert.Equal((2, 2, 2), (quotas["concurrentJobs"]!["quota"]!.GetValue<int>(), quotas["concurrentJobs"]!["inUse"]!.GetValue<int>(), quotas["concurrentJobs"]!["waiting"]!.GetValue<int>()));

        await (await client.PostAsync($"/api/v1/workspaces/{name}/jobs/{jobs[0]}/cancel", null)).ExpectAsync(200);

        Assert.Equal([null, null, null, "held"], await WaitingAsync(client, name, jobs));
        var sent = await (await client.GetAsync($"/api/v1/workspaces/{name}/jobs/{jobs[2]}")).ExpectAsync(200);
        Assert.Equal(("Queued", null), (sent["state"]!.GetValue<string>(), sent["waitingFor"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_held_gpu_job_does_not_keep_a_cpu_job_behind_it_waiting()
    {
        var (name, client) = await WorkspaceAsync();
        await (await client.PutJsonAsync($"/api/v1/workspaces/{name}/quotas", new { concurrentJobs = 2, concurrentGpuJobs = 1 })).ExpectAsync(200);
        var jobs = new List<string>();
        foreach (var hardware in new[] { "Gpu", "Gpu", "Cpu", "Cpu" })
        {
            jobs.Add((await (await client.PostJsonAsync($"/api/v1/workspaces/{name}/jobs", new { kind = "Diagnostic", hardwareClass = hardware, parameters = new { } })).ExpectAsync(202))["id"]!.GetValue<string>());
        }

        Assert.Equal([null, "held", null, "held"], await WaitingAsync(client, name, jobs));
        await (await client.PostAsync($"/api/v1/workspaces/{name}/jobs/{jobs[2]}/cancel", null)).ExpectAsync(200);

        Assert.Equal([null, "held", null, null], await WaitingAsync(client, name, jobs));
        var gpu = await (await client.GetAsync($"/api/v1/workspaces/{name}/jobs/{jobs[1]}")).ExpectAsync(200);
        Assert.Contains("quota of 1 concurrent GPU job ", gpu["waitingFor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_workspaces_burst_does_not_hold_a_workspaces_own_job()
    {
        var (busy, busyClient) = await WorkspaceAsync();
        var (calm, calmClient) = await WorkspaceAsync();
        await (await busyClient.PutJsonAsync($"/api/v1/workspaces/{busy}/quotas", new { concurrentJobs = 1 })).ExpectAsync(200);
        for (var i = 0; i < 3; i++)
        {
            await (await busyClient.PostJsonAsync($"/api/v1/workspaces/{busy}/jobs", new { kind = "Diagnostic", parameters = new { } })).ExpectAsync(202);
        }

        var own = await (await calmClient.PostJsonAsync($"/api/v1/workspaces/{calm}/jobs", new { kind = "Diagnostic", parameters = new { } })).ExpectAsync(202);

        Assert.Null(own["waitingFor"]?.GetValue<string>());
    }

    [Fact]
    public async Task Only_a_platform_admin_sets_quotas_and_a_quota_is_one_or_more()
    {
        var (name, admin) = await WorkspaceAsync();
        using var scientist = await factory.UserAsync("DataScientist");
        var userName = (await (await scientist.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/members/{userName}", new { roles = new[] { "Admin" } })).ExpectAsync(200);

        await (await scientist.PutJsonAsync($"/api/v1/workspaces/{name}/quotas", new { concurrentJobs = 500 })).ExpectAsync(403);
        var bad = await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/quotas", new { concurrentJobs = 0 })).BodyAsync();
        Assert.Contains("concurrentJobs", bad.ToJsonString());
        await (await scientist.GetAsync($"/api/v1/workspaces/{name}/quotas")).ExpectAsync(200);
    }

    private async Task<(string Name, HttpClient Admin)> WorkspaceAsync()
    {
        var admin = await factory.AdminAsync();
        var name = "quota-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);
        return (name, admin);
    }

    private static async Task<List<string?>> WaitingAsync(HttpClient client, string workspace, List<string> jobs)
    {
        var states = new List<string?>();
        foreach (var id in jobs)
        {
            var job = await (await client.GetAsync($"/api/v1/workspaces/{workspace}/jobs/{id}")).ExpectAsync(200);
            states.Add(job["waitingFor"]?.GetValue<string>() is null ? null : "held");
        }

        return states;
    }
}
