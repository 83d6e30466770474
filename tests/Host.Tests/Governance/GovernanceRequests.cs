using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Governance;

/// <summary>Policies, promotion requests, decisions and the audit trail through the REST API, for the governance tests.</summary>
internal static class GovernanceRequests
{
    public static Task<JsonNode> SetPolicyAsync(HttpClient admin, string environment, object policy) =>
        admin.PutAsJsonAsync($"/api/v1/approval-policies/{environment}", policy).ExpectAsync(200, $"policy for {environment}");

    public static Task<JsonNode> RequestAsync(HttpClient client, string model, int version, string target, int status) =>
        client.PostAsJsonAsync($"/api/v1/models/{model}/versions/{version}/promotions", new { targetStage = target, justification = $"v{version} is better" })
            .ExpectAsync(status, $"request v{version} -> {target}");

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, string requestId, bool approve, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/promotions/{requestId}/{(approve ? "approve" : "reject")}", new { comment });

    public static async Task<string> StageAsync(HttpClient client, string model, int version) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}/versions/{version}"))!["stage"]!.GetValue<string>();

    /// <summary>Uploads a CSV as the next version of <paramref name="dataset"/> (split 70/15/15 with the default seed).</summary>
    public static async Task<int> UploadCsvAsync(HttpClient client, string dataset, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var body = await client.PostAsync($"/api/v1/datasets/{dataset}/versions", content).ExpectAsync(201, $"upload {dataset}");
        return body["version"]!.GetValue<int>();
    }

    /// <summary>breast-cancer with every label flipped: any good model scores a ROC AUC near 0 on it.</summary>
    public static string FlippedLabels(string csv) => string.Join('\n', csv.TrimEnd().Split('\n').Select((line, i) =>
        i == 0 ? line : line[..(line.LastIndexOf(',') + 1)] + (line[^1] == '0' ? "1" : "0")));

    /// <summary>The trail since <paramref name="from"/>, oldest first (the streamed JSON export).</summary>
    public static async Task<List<JsonNode>> AuditSinceAsync(HttpClient auditor, DateTimeOffset from) =>
        [.. (await auditor.GetFromJsonAsync<JsonArray>($"/api/v1/audit/export?format=json&from={Uri.EscapeDataString(from.ToString("O"))}"))!.Select(e => e!)];

    public static async Task<JsonNode> VerifyWhenSealedAsync(HttpClient auditor)
    {
        for (var i = 0; ; i++)
        {
            var verification = await auditor.GetAsync("/api/v1/audit/verify").ExpectAsync(200, "verify");
            if (verification["unsealedEvents"]!.GetValue<long>() == 0 || i == 150)
            {
                return verification;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Sets one audit row's column directly in the database file, as someone with file access could.</summary>
    public static async Task SetAuditColumnAsync(string databasePath, long sequence, string column, string value)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE AuditEvents SET {column} = $value WHERE Sequence = $sequence";
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$sequence", sequence);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
