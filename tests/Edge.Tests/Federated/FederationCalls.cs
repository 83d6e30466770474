using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Edge.Tests.Federated;

/// <summary>The admin's calls the federated tests share: start a federation over admitted sites, read its rounds and its run's metric history.</summary>
internal static class FederationCalls
{
    /// <summary>A federation of <paramref name="plan"/> in a new experiment, the <paramref name="sites"/> admitted: its id.</summary>
    public static async Task<Guid> StartFederationAsync(this HttpClient admin, string name, object plan, IEnumerable<Guid> sites)
    {
        var experiment = await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"{name}-{Guid.NewGuid():N}" })).ExpectAsync();
        var federation = await (await admin.PostAsJsonAsync("/api/v1/federations", new { experimentId = experiment.GetProperty("id").GetGuid(), name, plan })).ExpectAsync(201);
        var id = federation.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = sites })).ExpectAsync();
        return id;
    }

    /// <summary>The federation's aggregated rounds in round order.</summary>
    public static async Task<List<JsonElement>> AggregatedRoundsAsync(this HttpClient admin, Guid federation)
    {
        var rounds = await (await admin.GetAsync($"/api/v1/federations/{federation}/rounds?limit=100")).ExpectAsync();
        return [.. rounds.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("state").GetString() == "Aggregated").OrderBy(r => r.GetProperty("number").GetInt32())];
    }

    /// <summary>A metric's history on a run, in step order.</summary>
    public static async Task<List<(long Step, double Value)>> MetricHistoryAsync(this HttpClient admin, Guid run, string key)
    {
        var history = await (await admin.GetAsync($"/api/v1/runs/{run}/metrics/history?key={Uri.EscapeDataString(key)}&limit=1000")).ExpectAsync();
        return [.. history.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("step").GetInt64(), p.GetProperty("value").GetDouble()))];
    }
}
