using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Auditing;

/// <summary>
/// Each workspace's audit trail is a hash chain of its own, read, exported and verified under the workspace by its
/// compliance staff, and the platform's own actions have theirs: an edit in one workspace's chain breaks that chain
/// only, and the platform-wide verification names it.
/// </summary>
public sealed class WorkspaceAuditChainTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Each_workspace_has_its_own_chain_that_verifies_alone_and_an_edit_breaks_only_that_one()
    {
        var token = await factory.TokenAsync(ApiFactory.AdminUser, ApiFactory.AdminPassword);
        using var admin = factory.Authorized(token);
        var (a, b) = ("audit-a-" + Guid.NewGuid().ToString("N")[..6], "audit-b-" + Guid.NewGuid().ToString("N")[..6]);
        var aId = (await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = a })).ExpectAsync(201))["id"]!.GetValue<string>();
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = b })).ExpectAsync(201);
        using var inA = factory.InWorkspace(token, a);
        using var inB = factory.InWorkspace(token, b);
        var experimentA = await inA.CreateExperimentAsync();
        var experimentB = await inB.CreateExperimentAsync();
        await WaitForSealedAsync(admin);

        var trailA = await (await admin.GetAsync($"/api/v1/workspaces/{a}/audit?limit=500")).ExpectAsync(200);
        Assert.Contains(experimentA, trailA.ToJsonString());
        Assert.DoesNotContain(experimentB, trailA.ToJsonString());
        Assert.All(trailA["items"]!.AsArray(), e => Assert.Equal(aId, e!["workspaceId"]!.GetValue<string>()));
        var created = await (await admin.GetAsync($"/api/v1/audit?action=CreateWorkspace&limit=500")).ExpectAsync(200);
        Assert.Contains(created["items"]!.AsArray(), e => e!["summary"]!.ToJsonString().Contains(a, StringComparison.Ordinal) && e["workspaceId"] is null);
        var exported = await (await admin.GetAsync($"/api/v1/workspaces/{a}/audit/export")).Content.ReadAsStringAsync();
        Assert.Contains(experimentA, exported);
        Assert.DoesNotContain(experimentB, exported);
        var verifiedA = await (await admin.GetAsync($"/api/v1/workspaces/{a}/audit/verify")).ExpectAsync(200);
        Assert.True(verifiedA["intact"]!.GetValue<bool>(), verifiedA.ToJsonString());
        Assert.Equal((a, 1L), (verifiedA["workspace"]!.GetValue<string>(), verifiedA["sealedEvents"]!.GetValue<long>()));

        var victim = trailA["items"]![0]!["sequence"]!.GetValue<long>();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "platform.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE AuditEvents SET Actor = 'mallory' WHERE Sequence = $sequence";
            tamper.Parameters.AddWithValue("$sequence", victim);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var brokenA = await (await admin.GetAsync($"/api/v1/workspaces/{a}/audit/verify")).ExpectAsync(200);
        Assert.Equal((false, victim), (brokenA["intact"]!.GetValue<bool>(), brokenA["firstBrokenSequence"]!.GetValue<long>()));
        Assert.True((await (await admin.GetAsync($"/api/v1/workspaces/{b}/audit/verify")).ExpectAsync(200))["intact"]!.GetValue<bool>());
        var all = await (await admin.GetAsync("/api/v1/audit/verify")).ExpectAsync(200);
        Assert.False(all["intact"]!.GetValue<bool>());
        Assert.StartsWith("in workspace '", all["reason"]!.GetValue<string>());
        Assert.Contains(all["chains"]!.AsArray(), c => c!["workspace"]?.GetValue<string>() == a && !c["intact"]!.GetValue<bool>());
        Assert.Contains(all["chains"]!.AsArray(), c => c!["workspace"] is null && c["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_workspaces_trail_is_its_compliance_staffs_and_hidden_from_others()
    {
        using var admin = await factory.AdminAsync();
        var name = "audit-c-" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);
        using var approver = await factory.UserAsync("Approver");
        using var scientist = await factory.UserAsync("DataScientist");

        await (await approver.GetAsync($"/api/v1/workspaces/{name}/audit")).ExpectAsync(404);
        var approverName = (await (await approver.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();
        var scientistName = (await (await scientist.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/members/{approverName}", new { roles = new[] { "Approver" } })).ExpectAsync(200);
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/members/{scientistName}", new { roles = new[] { "DataScientist" } })).ExpectAsync(200);

        await (await approver.GetAsync($"/api/v1/workspaces/{name}/audit")).ExpectAsync(200);
        await (await approver.GetAsync($"/api/v1/workspaces/{name}/audit/verify")).ExpectAsync(200);
        await (await scientist.GetAsync($"/api/v1/workspaces/{name}/audit")).ExpectAsync(403);
        await (await scientist.GetAsync($"/api/v1/workspaces/{name}/audit/export")).ExpectAsync(403);
    }

    [Fact]
    public async Task A_chain_moved_whole_to_another_workspace_does_not_verify_there()
    {
        var token = await factory.TokenAsync(ApiFactory.AdminUser, ApiFactory.AdminPassword);
        using var admin = factory.Authorized(token);
        var (a, b) = ("moved-a-" + Guid.NewGuid().ToString("N")[..6], "moved-b-" + Guid.NewGuid().ToString("N")[..6]);
        var aId = (await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = a })).ExpectAsync(201))["id"]!.GetValue<string>();
        var bId = (await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = b })).ExpectAsync(201))["id"]!.GetValue<string>();
        using var inA = factory.InWorkspace(token, a);
        await inA.CreateExperimentAsync();
        await inA.CreateExperimentAsync();
        await WaitForSealedAsync(admin);
        var first = (await (await admin.GetAsync($"/api/v1/workspaces/{a}/audit?limit=2")).ExpectAsync(200))["items"]![1]!["sequence"]!.GetValue<long>();

        // Every event of a's chain, in order and with its hashes, made b's (which had none): only the hash can tell.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "platform.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE AuditEvents SET WorkspaceId = $b WHERE WorkspaceId = $a";
            tamper.Parameters.AddWithValue("$a", aId.ToUpperInvariant());
            tamper.Parameters.AddWithValue("$b", bId.ToUpperInvariant());
            Assert.Equal(2, await tamper.ExecuteNonQueryAsync());
        }

        var brokenB = await (await admin.GetAsync($"/api/v1/workspaces/{b}/audit/verify")).ExpectAsync(200);
        Assert.Equal((false, first), (brokenB["intact"]!.GetValue<bool>(), brokenB["firstBrokenSequence"]!.GetValue<long>()));
    }

    /// <summary>Events are sealed into their chain about a second after they are recorded.</summary>
    private static async Task WaitForSealedAsync(HttpClient admin)
    {
        var clock = Stopwatch.StartNew();
        while ((await (await admin.GetAsync("/api/v1/audit/verify")).ExpectAsync(200))["unsealedEvents"]!.GetValue<long>() > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }
    }
}
