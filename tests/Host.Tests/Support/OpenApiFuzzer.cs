using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Host.Tests.Support;

/// <summary>
/// Bad requests for one operation of an OpenAPI document: path values (real ones the caller knows, random ones and
/// garbage), query values of the wrong kind, JSON bodies with wrong fields, raw garbage bodies, JSON declared in
/// unknown character sets, and Accept headers that rule out JSON.
/// </summary>
public sealed partial class OpenApiFuzzer(JsonObject document, Random random, IReadOnlyDictionary<string, string> known)
{
    private static readonly string[] RawBodies = ["", "null", "[]", "{", "\"text\"", "{\"a\":", "1e999", "[1,2,", "{\"x\": NaN}", "\u00ff\u00fe", "{}{}"];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=ebcdic", "application/json; charset=utf-7", "application/json; charset=foo", "application/json; charset=",
        "text/plain", "application/xml", "application/json; charset=\"UTF-8\"", "application/octet-stream", "multipart/form-data", "application/json;;;",
    ];

    private static readonly string[] Accepts = ["text/csv", "application/octet-stream", "text/plain", "application/json", "*/*", "image/png"];

    private readonly OpenApiValues _values = new(document, random);

    public HttpRequestMessage Next(string method, string template, JsonObject operation)
    {
        var path = PathParameter().Replace(template, m => PathValue(template, m.Groups["name"].Value, operation));
        var query = string.Join("&", (operation["parameters"]?.AsArray() ?? [])
            .Where(p => p?["in"]?.GetValue<string>() == "query" && random.Next(3) > 0)
            .Select(p => $"{p!["name"]!.GetValue<string>()}={Uri.EscapeDataString(_values.QueryText(p["schema"]))}"));
        var request = new HttpRequestMessage(new HttpMethod(method), query.Length == 0 ? path : $"{path}?{query}");
        if (method is not ("GET" or "DELETE") || random.Next(8) == 0)
        {
            request.Content = Body(operation);
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", Accepts[random.Next(Accepts.Length)]);
        }

        return request;
    }

    private StringContent Body(JsonObject operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        var text = random.Next(6) == 0 || schema is null ? RawBodies[random.Next(RawBodies.Length)] : Mutated(schema).ToJsonString();
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", random.Next(4) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "application/json");
        return content;
    }

    /// <summary>A plausible body with one to three fields made wrong (or dropped), or a wrong value where the object should be.</summary>
    private JsonNode Mutated(JsonNode schema)
    {
        if (random.Next(8) == 0)
        {
            return _values.Wrong(schema) ?? JsonValue.Create("null")!;
        }

        var body = _values.Plausible(schema) as JsonObject ?? new JsonObject();
        var properties = (_values.Resolve(schema)?["properties"]?.AsObject() ?? []).ToList();
        for (var i = random.Next(1, 4); i > 0 && properties.Count > 0; i--)
        {
            var (name, property) = properties[random.Next(properties.Count)];
            if (random.Next(5) == 0)
            {
                body.Remove(name);
            }
            else if (_values.Plausible(property) is JsonObject inner && random.Next(2) == 0)
            {
                var innerProperties = (_values.Resolve(property)?["properties"]?.AsObject() ?? []).Select(p => p.Key).ToList();
                inner[innerProperties.Count > 0 ? innerProperties[random.Next(innerProperties.Count)] : "extra"] = _values.Wrong(null);
                body[name] = inner;
            }
            else
            {
                body[name] = _values.Wrong(property);
            }
        }

        return body;
    }

    private string PathValue(string template, string name, JsonObject operation)
    {
        var segment = template[..template.IndexOf("{" + name, StringComparison.Ordinal)].TrimEnd('/').Split('/')[^1];
        if (random.Next(5) < 3 && known.TryGetValue($"{segment}/{name}", out var real))
        {
            return real;
        }

        var schema = (operation["parameters"]?.AsArray() ?? []).FirstOrDefault(p => p?["name"]?.GetValue<string>() == name)?["schema"];
        return random.Next(3) == 0 ? Guid.CreateVersion7().ToString() : Uri.EscapeDataString(_values.QueryText(schema));
    }

    [GeneratedRegex(@"\{(?<name>[^}:*]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
