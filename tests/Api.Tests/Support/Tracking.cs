namespace Platform.Api.Tests.Support;

/// <summary>Shortcuts for arranging tracking data through the API itself.</summary>
public static class Tracking
{
    public static async Task<string> CreateExperimentAsync(this HttpClient client, string? name = null)
    {
        var body = await (await client.PostJsonAsync("/api/v1/experiments", new { name = name ?? "exp-" + Guid.NewGuid().ToString("N")[..8] }))
            .ExpectAsync(201);
        return body["id"]!.GetValue<string>();
    }

    public static async Task<string> CreateRunAsync(this HttpClient client, string experimentId, object? body = null)
    {
        var run = await (await client.PostJsonAsync($"/api/v1/experiments/{experimentId}/runs", body ?? new { })).ExpectAsync(201);
        return run["id"]!.GetValue<string>();
    }
}
