using System.Net;
using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>An Api error as the portal shows it: the problem's title and detail, and the fields it names.</summary>
public sealed class ApiProblem(HttpStatusCode status, string title, string detail, IReadOnlyDictionary<string, string[]> errors, string? code = null) : Exception(detail)
{
    /// <summary>The rule a 409 names (<c>code</c>, such as <c>workspace.last-admin</c>); null when the Api gave none.</summary>
    public string? Code { get; } = code;

    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>One readable line: the detail, then each field's complaint.</summary>
    public string Readable => Errors.Count == 0
        ? $"{Title}: {Message}"
        : $"{Title}: " + string.Join("; ", Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));

    /// <summary>What the Api said about <paramref name="field"/> (its name as the Api writes it, in any case), or null when it named it not.</summary>
    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages ? string.Join(" ", messages) : null;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray())
                : [];
            return new ApiProblem(response.StatusCode, Text(root, "title") ?? response.ReasonPhrase ?? "Error", Text(root, "detail") ?? "", errors, Text(root, "code"));
        }
        catch (JsonException)
        {
            return new ApiProblem(response.StatusCode, response.ReasonPhrase ?? "Error", $"The Api answered {(int)response.StatusCode}.", new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
