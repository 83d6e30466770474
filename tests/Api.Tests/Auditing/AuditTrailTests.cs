using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Auditing;

/// <summary>
/// The audit trail through the real Api over its SQLite file: every state-changing command is recorded with its actor
/// in the same transaction, secrets never appear, the chain is sealed and verifies, and an edit made directly in the
/// database is found and named.
/// </summary>
public sealed class AuditTrailTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task Commands_are_recorded_in_order_with_their_actor_and_without_secrets()
    {
        using var admin = await factory.AdminAsync();
        var name = "auditee-" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = Password, roles = new[] { "DataScientist" } })).ExpectAsync(201);
        using var scientist = factory.Authorized(await factory.TokenAsync(name, Password));
        var experiment = await scientist.CreateExperimentAsync();
        var run = await scientist.CreateRunAsync(experiment);
        await (await scientist.PatchJsonAsync($"/api/v1/experiments/{experiment}", new { description = "audited" })).ExpectAsync(200);
        using var approver = await factory.UserAsync("Approver");

        var byScientist = await (await approver.GetAsync($"/api/v1/audit?actor={name}")).ExpectAsync(200);
        var actions = byScientist["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).Reverse().ToList();
        Assert.Equal(["CreateExperiment", "CreateRun", "UpdateExperiment"], actions);
        var forExperiment = await (await approver.GetAsync($"/api/v1/audit?entityType=Experiment&entityId={experiment}")).ExpectAsync(200);
        Assert.Equal(2, forExperiment["items"]!.AsArray().Count);
        var update = forExperiment["items"]![0]!;
        Assert.Equal("audited", update["summary"]!["records"]![0]!["properties"]!["Description"]!["after"]!.GetValue<string>());
        Assert.Contains(run, byScientist.ToJsonString());

        var userCreated = (await (await approver.GetAsync("/api/v1/audit?action=CreateUser&limit=500")).ExpectAsync(200))["items"]!.ToJsonString();
        Assert.Contains("[redacted]", userCreated);
        Assert.DoesNotContain(Password, userCreated);
    }

    [Fact]
    public async Task The_sealed_chain_verifies_and_a_row_edited_in_the_database_is_named()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        for (var i = 0; i < 3; i++)
        {
            await scientist.CreateExperimentAsync();
        }

        using var admin = await factory.AdminAsync();
        var intact = await WaitForSealedAsync(admin);
        Assert.True(intact["intact"]!.GetValue<bool>(), intact.ToJsonString());
        var victim = (await (await admin.GetAsync("/api/v1/audit?action=CreateExperiment&limit=1")).ExpectAsync(200))["items"]![0]!["sequence"]!.GetValue<long>();

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "platform.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE AuditEvents SET Actor = 'mallory' WHERE Sequence = $sequence";
            tamper.Parameters.AddWithValue("$sequence", victim);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var broken = await (await admin.GetAsync("/api/v1/audit/verify")).ExpectAsync(200);
        Assert.False(broken["intact"]!.GetValue<bool>());
        Assert.Equal(victim, broken["firstBrokenSequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_export_streams_the_filtered_trail_oldest_first_as_csv_or_json()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var names = new[] { "a,b \"quoted\"", "plain", "line\nbreak" };
        foreach (var name in names)
        {
            await scientist.CreateExperimentAsync(name + Guid.NewGuid().ToString("N")[..4]);
        }

        using var admin = await factory.AdminAsync();
        var actor = (await (await admin.GetAsync("/api/v1/audit?action=CreateExperiment&limit=1")).ExpectAsync(200))["items"]![0]!["actor"]!.GetValue<string>();
        var json = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/audit/export?format=json&actor={actor}"))!.AsArray();
        Assert.Equal(3, json.Count);
        Assert.True(json.Select(e => e!["sequence"]!.GetValue<long>()).SequenceEqual(json.Select(e => e!["sequence"]!.GetValue<long>()).Order()), "not oldest first");

        var csv = await admin.GetAsync($"/api/v1/audit/export?actor={Uri.EscapeDataString(actor)}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("sequence,at,actor,action,entityType,entityId,summary,traceId,sourceAddress,hash,workspaceId\n", text.Replace("\r", ""));
        Assert.Equal(3, text.Split('\n').Count(l => l.Contains(",CreateExperiment,Experiment,", StringComparison.Ordinal)));
        Assert.Contains("\"{\"\"records\"\":", text); // the summary's JSON quotes doubled inside a quoted cell
        await (await admin.GetAsync("/api/v1/audit/export?format=xml")).ExpectAsync(400);
    }

    [Theory]
    [InlineData("DataScientist")]
    [InlineData("Viewer")]
    [InlineData("Operator")]
    public async Task Only_compliance_roles_read_the_audit_trail(string role)
    {
        using var user = await factory.UserAsync(role);

        await (await user.GetAsync("/api/v1/audit")).ExpectAsync(403);
        await (await user.GetAsync("/api/v1/audit/verify")).ExpectAsync(403);
        await (await user.GetAsync("/api/v1/audit/export")).ExpectAsync(403);
    }

    /// <summary>Events are sealed into the chain about a second after they are recorded.</summary>
    private static async Task<JsonNode> WaitForSealedAsync(HttpClient admin)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var verification = await (await admin.GetAsync("/api/v1/audit/verify")).ExpectAsync(200);
            if (verification["unsealedEvents"]!.GetValue<long>() == 0 || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return verification;
            }

            await Task.Delay(200);
        }
    }
}
