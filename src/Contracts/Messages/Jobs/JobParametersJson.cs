using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Contracts.Messages.Jobs;

/// <summary>How a job's parameters are read: web casing, and an unknown member is an error naming it.</summary>
public static class JobParametersJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <returns>The parameters, or null with the problem as (field, reason).</returns>
    public static (T? Value, (string Field, string Problem)? Problem) TryParse<T>(string json, string kind)
        where T : class
    {
        try
        {
            return (JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null"), null);
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            return (null, (field, $"is not a known {kind} parameter of the right type: " + e.Message.Split('.')[0]));
        }
    }

    internal static void Require(List<(string, string)> problems, string field, string? value, IReadOnlyCollection<string>? allowed = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add((field, allowed is null ? "is required" : $"is required: one of {string.Join(", ", allowed)}"));
        }
        else if (allowed is not null && !allowed.Contains(value))
        {
            problems.Add((field, $"must be one of {string.Join(", ", allowed)} (got '{value}')"));
        }
    }
}
