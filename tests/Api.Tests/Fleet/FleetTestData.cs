using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Fleet;

internal static class FleetTestData
{
    /// <summary>A new enrolment token's secret, made by <paramref name="operatorClient"/> in the workspace its paths name.</summary>
    public static async Task<string> EnrolmentTokenAsync(this HttpClient operatorClient, object? labels = null, string prefix = "/api/v1")
    {
        var created = await (await operatorClient.PostJsonAsync($"{prefix}/fleet/enrolment-tokens", new { name = "gateways", labels })).ExpectAsync(201);
        return created["secret"]!.GetValue<string>();
    }

    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    public static string Text(this JsonNode node, string property) => node[property]!.GetValue<string>();
}
