using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Serving.Tests.Support;

/// <summary>Request bodies for the test model and the calls that send them.</summary>
public static class Requests
{
    /// <summary>A v2 inference request body with the rows as input <c>features</c> FP32 [N, F].</summary>
    public static JsonObject Infer(params float[][] rows) => new()
    {
        ["id"] = "test",
        ["inputs"] = new JsonArray(new JsonObject
        {
            ["name"] = "features",
            ["datatype"] = "FP32",
            ["shape"] = new JsonArray(rows.Length, TestModel.FeatureCount),
            ["data"] = new JsonArray([.. rows.SelectMany(r => r).Select(v => (JsonNode)JsonValue.Create(v))]),
        }),
    };

    /// <summary>A JSON-records body, one object of feature name to value per row.</summary>
    public static JsonObject Records(params float[][] rows) => new()
    {
        ["records"] = new JsonArray([.. rows.Select(Record)]),
    };

    public static JsonNode Record(float[] row)
    {
        var record = new JsonObject();
        for (var i = 0; i < row.Length; i++)
        {
            record[TestModel.FeatureNames[i]] = row[i];
        }

        return record;
    }

    public static async Task<(int Status, JsonObject Body)> PostAsync(this HttpClient client, string url, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)?.AsObject() ?? []);
    }

    public static async Task<(int Status, JsonObject Body)> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonObject>() ?? []);
    }
}
