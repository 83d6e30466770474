using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Auditing;

/// <summary>What a compliance export reads in an event's summary: the rows as stored (not EF Core's temporary keys) and ISO 8601 UTC times.</summary>
public sealed partial class AuditRecordsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_row_the_database_numbers_is_named_by_the_key_it_was_stored_under()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var job = (await (await scientist.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters = new { } })).ExpectAsync(202))["id"]!.GetValue<string>();

        var submitted = await EventAsync("SubmitJob", "Job", job);
        var outbox = submitted["summary"]!["records"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "OutboxMessage")!;

        Assert.Equal(await StoredOutboxIdAsync(job), long.Parse(outbox["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Times_in_a_summary_are_iso_8601_utc()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var experiment = await scientist.CreateExperimentAsync();

        var created = await EventAsync("CreateExperiment", "Experiment", experiment);
        var at = created["summary"]!["records"]![0]!["properties"]!["CreatedAt"]!["after"]!.GetValue<string>();

        Assert.Matches(IsoUtc(), at);
    }

    private async Task<JsonNode> EventAsync(string action, string entityType, string entityId)
    {
        using var approver = await factory.UserAsync("Approver");
        var page = await (await approver.GetAsync($"/api/v1/audit?action={action}&entityType={entityType}&entityId={entityId}")).ExpectAsync(200);
        return page["items"]!.AsArray().Single()!;
    }

    private async Task<long> StoredOutboxIdAsync(string jobId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "platform.db")};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT Id FROM OutboxMessages WHERE Body LIKE $job";
        query.Parameters.AddWithValue("$job", $"%{jobId}%");
        return (long)(await query.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$")]
    private static partial Regex IsoUtc();
}
