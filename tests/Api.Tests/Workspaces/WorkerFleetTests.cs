using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Application.Jobs.Commands.RecordHeartbeat;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Tests.Workspaces;

/// <summary>The worker fleet is platform-wide (at the root only); the job a worker has in hand is named only to those who may see that job.</summary>
public sealed class WorkerFleetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_workers_job_is_named_to_members_of_its_workspace_and_hidden_from_others()
    {
        using var admin = await factory.AdminAsync();
        var workspace = "fleet-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = workspace })).ExpectAsync(201);
        var job = (await (await admin.PostJsonAsync($"/api/v1/workspaces/{workspace}/jobs", new { kind = "Diagnostic", parameters = new { } })).ExpectAsync(202))["id"]!.GetValue<string>();
        var worker = "fleet-worker-" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SystemSender>().SendAsync(new RecordHeartbeatCommand(new WorkerHeartbeat(
                worker, worker, 4, 1L << 33, null, null, null, ["Diagnostic"], ["Cpu"], Guid.Parse(job), DateTimeOffset.UtcNow)), "test", CancellationToken.None);
        }

        using var outsider = await factory.UserAsync("DataScientist");
        using var member = await factory.UserAsync("Viewer");
        var memberName = (await (await member.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{workspace}/members/{memberName}", new { roles = new[] { "Viewer" } })).ExpectAsync(200);

        Assert.Null(await RunningJobAsync(outsider, worker));
        Assert.Equal(job, await RunningJobAsync(member, worker));
        var scoped = await (await member.PostJsonAsync("/api/v1/tokens", new { name = "home only", roles = new[] { "Viewer" }, workspaces = new[] { "default" } })).ExpectAsync(201);
        using (var homeOnly = factory.Authorized(scoped["secret"]!.GetValue<string>()))
        {
            Assert.Null(await RunningJobAsync(homeOnly, worker));
        }

        Assert.Equal(job, await RunningJobAsync(admin, worker));
        await (await outsider.GetAsync($"/api/v1/workspaces/{workspace}/workers")).ExpectAsync(404);
    }

    private static async Task<string?> RunningJobAsync(HttpClient client, string worker)
    {
        var workers = await (await client.GetAsync("/api/v1/workers?limit=500")).ExpectAsync(200);
        return workers["items"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == worker)!["runningJobId"]?.GetValue<string>();
    }
}
