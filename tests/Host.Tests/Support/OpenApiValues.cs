using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Host.Tests.Support;

/// <summary>
/// Values for an OpenAPI schema (the document's own, with its <c>$ref</c>s, <c>oneOf</c>s and type lists): a plausible
/// one, and the ways a client gets one wrong (another type, a name no enum has, out of range, too long, null, nested).
/// Seeded, so that a failure reproduces.
/// </summary>
public sealed class OpenApiValues(JsonObject document, Random random)
{
    private const int MaxDepth = 6;

    private static readonly string[] BadTexts =
    [
        "", " ", "Wizard", "-1", "0", "99999999999999999999", "1e309", "NaN", "null", "true", "%", "%00", "../..", "\u00e9\u00e8\u4e2d",
        "' OR 1=1 --", "<script>", "\u0000", new string('x', 5000), "2026-13-45T99:99:99Z", "0193a0a0-0000-7000-8000-00000000zzzz",
    ];

    public JsonNode? Plausible(JsonNode? schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is not JsonObject s || depth > MaxDepth)
        {
            return null;
        }

        if (s["enum"] is JsonArray members && members.Count > 0)
        {
            return members[random.Next(members.Count)]?.DeepClone();
        }

        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray choices)
        {
            var useful = choices.Where(c => TypeOf(Resolve(c)) != "null").ToList();
            return useful.Count == 0 ? null : Plausible(useful[random.Next(useful.Count)], depth + 1);
        }

        return TypeOf(s) switch
        {
            "string" => Text(s),
            "integer" => random.Next(0, 50),
            "number" => Math.Round(random.NextDouble() * 10, 3),
            "boolean" => random.Next(2) == 0,
            "array" => new JsonArray([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Plausible(s["items"], depth + 1))]),
            _ => Object(s, depth),
        };
    }

    /// <summary>A value no client should send for this schema.</summary>
    public JsonNode? Wrong(JsonNode? schema) => random.Next(10) switch
    {
        0 => null,
        1 => BadTexts[random.Next(BadTexts.Length)],
        2 => -1,
        3 => JsonNode.Parse("1e308"),
        4 => JsonNode.Parse("99999999999999999999"),
        5 => new JsonObject { ["unexpected"] = new JsonArray(1, "two", null) },
        6 => new JsonArray(BadTexts[random.Next(BadTexts.Length)], 3.5),
        7 => TypeOf(Resolve(schema)) == "string" ? 42 : "forty-two",
        8 => random.Next(2) == 0,
        _ => Nested(random.Next(1, 64)),
    };

    /// <summary>Text for a query or path value: usually plausible for its schema, sometimes not.</summary>
    public string QueryText(JsonNode? schema)
    {
        if (random.Next(2) == 0)
        {
            return BadTexts[random.Next(BadTexts.Length)];
        }

        return Plausible(schema) switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            JsonValue v => v.ToJsonString(),
            _ => "x",
        };
    }

    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema is JsonObject s && s["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            schema = document["components"]?["schemas"]?[reference.Split('/')[^1]];
        }

        return schema;
    }

    private JsonObject Object(JsonObject schema, int depth)
    {
        var value = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (random.Next(4) > 0)
            {
                value[name] = Plausible(property, depth + 1);
            }
        }

        if (schema["additionalProperties"] is JsonObject extra && random.Next(2) == 0)
        {
            value["k" + random.Next(100).ToString(CultureInfo.InvariantCulture)] = Plausible(extra, depth + 1);
        }

        return value;
    }

    private JsonNode Text(JsonObject schema) => schema["format"]?.GetValue<string>() switch
    {
        "uuid" => Guid.CreateVersion7().ToString(),
        "date-time" => DateTimeOffset.UtcNow.AddMinutes(-random.Next(1000)).ToString("O", CultureInfo.InvariantCulture),
        _ => "fuzz-" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
    };

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue single => single.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }
}
