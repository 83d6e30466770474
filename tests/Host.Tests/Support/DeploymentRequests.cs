using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Platform.Host.Tests.Governance.GovernanceRequests;

namespace Platform.Host.Tests.Support;

/// <summary>Approving versions into Production and deploying them through the Api, as an Operator would.</summary>
public static class DeploymentRequests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public static async Task ApproveIntoProductionAsync(HttpClient scientist, HttpClient approver, string model, int version)
    {
        var request = await RequestAsync(scientist, model, version, "Production", 201);
        await DecideAsync(approver, request["id"]!.GetValue<string>(), approve: true, "evidence checked").ExpectAsync(200, $"approve v{version}");
    }

    /// <summary>PUT the desired state, expect 202, wait for the deploy job and answer the deployment.</summary>
    public static Task<JsonNode> DeployAsync(HttpClient operatorClient, string endpoint, string model, params object[] versions) =>
        DeployWithDriftAsync(operatorClient, endpoint, model, driftPolicy: null, versions);

    /// <inheritdoc cref="DeployAsync(HttpClient, string, string, object[])"/>
    public static async Task<JsonNode> DeployWithDriftAsync(HttpClient operatorClient, string endpoint, string model, object? driftPolicy, params object[] versions)
    {
        var change = await operatorClient.PutAsJsonAsync($"/api/v1/deployments/{endpoint}",
            new { model, environment = "Production", hardwareClass = "cpu", versions, driftPolicy, reason = "release" }).ExpectAsync(202, "deploy");
        var ended = await operatorClient.WaitUntilEndedAsync(change["job"]!["id"]!.GetValue<string>(), Deadline);
        Assert.True(JobRequests.State(ended) == "Succeeded", $"deploy job ended {JobRequests.State(ended)}: {ended["reason"]}");
        return await operatorClient.GetAsync($"/api/v1/deployments/{endpoint}").ExpectAsync(200, "deployment");
    }

    /// <summary>breast-cancer's rows as /predict bodies of one record each (the label left out), in file order.</summary>
    public static JsonObject[] PredictRecords(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            var values = line.Split(',');
            var record = new JsonObject();
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i] != "benign")
                {
                    record[header[i]] = double.Parse(values[i], System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return new JsonObject { ["records"] = new JsonArray(record) };
        })];
    }
}
