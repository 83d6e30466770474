using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Host.Tests;

/// <summary>
/// The product's OpenAPI document describes its whole HTTP surface, the serving data plane (/v2) included, so that a
/// generated client can call every endpoint: each routed operation is in it with a summary, and each that takes a body says which.
/// </summary>
public sealed partial class OpenApiCoverageTests : IDisposable
{
    private static readonly string[] Undocumented = ["/hubs/", "/health/", "/openapi/", "/scalar", "/_", "/not-found", "/favicon"];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-openapi", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<EmbeddedHost> _host;

    public OpenApiCoverageTests() => _host = new WebApplicationFactory<EmbeddedHost>().WithWebHostBuilder(b => b.UseSetting("Platform:DataDirectory", _data));

    [Fact]
    public async Task Every_api_and_serving_operation_is_described_with_a_summary()
    {
        using var client = _host.CreateClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var described = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Method: o.Key.ToUpperInvariant(), Path: p.Key, Operation: o.Value!.AsObject())))
            .ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);
        var routed = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .Select(e => (Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods, Path: "/" + Constraint().Replace(e.RoutePattern.RawText!.Trim('/'), "{$1}")))
            .Where(e => !Undocumented.Any(e.Path.StartsWith) && e.Path.StartsWith("/api/", StringComparison.Ordinal) || e.Path.StartsWith("/v2", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .Distinct()
            .ToList();

        Assert.True(routed.Count > 100, $"only {routed.Count} operations found");
        var missing = routed.Where(o => !described.ContainsKey(o)).ToList();
        var unsummarised = described.Where(o => string.IsNullOrWhiteSpace(o.Value["summary"]?.GetValue<string>())).Select(o => o.Key).ToList();
        Assert.True(missing.Count == 0, "not in the document: " + string.Join(", ", missing));
        Assert.True(unsummarised.Count == 0, "without a summary: " + string.Join(", ", unsummarised));
    }

    [Theory]
    [InlineData("PUT /api/v1/runs/{id}/artifacts/{path}", "application/octet-stream")]
    [InlineData("POST /api/v1/datasets/{name}/versions", "text/csv")]
    [InlineData("POST /v2/models/{name}/infer", "application/json")]
    [InlineData("POST /v2/models/{name}/predict", "application/json")]
    public async Task An_operation_that_reads_a_body_declares_its_media_type(string operation, string mediaType)
    {
        using var client = _host.CreateClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var (method, path) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1]);

        var content = document["paths"]![path]![method]!["requestBody"]?["content"]?.AsObject();

        Assert.True(content?.ContainsKey(mediaType) == true, $"{operation} declares {content?.ToJsonString() ?? "no body"}");
    }

    public void Dispose()
    {
        _host.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is the OS's to clean
        }
    }

    /// <summary>A route parameter with its constraint (<c>{id:guid}</c>, <c>{**path}</c>) as the document writes it (<c>{id}</c>).</summary>
    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Constraint();
}
