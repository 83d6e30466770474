using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Platform.Workers.Executors;

namespace Platform.Workers.Api;

/// <summary>An executor's reads and writes for one attempt, over the Api's REST surface with the attempt's token.</summary>
internal sealed class RestJobApi(IHttpClientFactory clients, IApiAddress api, string token, Guid? runId, ILogger logger) : IJobApi
{
    public Uri ApiAddress => api.BaseAddress;

    public string Token => token;

    public async Task<IReadOnlyList<string>> ListArtifactsAsync(string prefix, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        string? cursor = null;
        do
        {
            var query = $"?prefix={Uri.EscapeDataString(prefix)}&limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await SendAsync(HttpMethod.Get, ArtifactsRoot + query, null, cancellationToken);
            await FailOnNotFoundAsync(response, $"Run {runId}");
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            paths.AddRange(page["items"]!.AsArray().Select(a => a!["path"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return paths;
    }

    public async Task<JsonNode> ReadDatasetVersionAsync(string dataset, int version, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/datasets/{Uri.EscapeDataString(dataset)}/versions/{version}", null, cancellationToken);
        await FailOnNotFoundAsync(response, $"Dataset {dataset} v{version}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? new JsonObject();
    }

    public async Task<Stream> OpenDatasetPartAsync(string dataset, int version, string split, CancellationToken cancellationToken)
    {
        var path = $"/api/v1/datasets/{Uri.EscapeDataString(dataset)}/versions/{version}/content?split={Uri.EscapeDataString(split)}";
        var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        await FailOnNotFoundAsync(response, $"Dataset {dataset} v{version} ({split} part)");
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    public async Task<Stream> OpenDatasetContentAsync(string dataset, int version, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/v1/datasets/{Uri.EscapeDataString(dataset)}/versions/{version}/content", null, cancellationToken);
        await FailOnNotFoundAsync(response, $"Dataset {dataset} v{version}");
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    public async Task<byte[]> ReadModelVersionAsync(string model, int version, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/models/{Uri.EscapeDataString(model)}/versions/{version}/artifact", null, cancellationToken);
        await FailOnNotFoundAsync(response, $"Model {model} v{version}");
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task<byte[]> ReadArtifactAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, ArtifactPath(path), null, cancellationToken);
        await FailOnNotFoundAsync(response, $"Artefact {path} of run {runId}");
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task WriteArtifactAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, ArtifactPath(path), () =>
        {
            var body = new ByteArrayContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return body;
        }, cancellationToken);
        await FailOnNotFoundAsync(response, $"Run {runId}");
    }

    private string ArtifactsRoot => runId is { } run
        ? $"/api/v1/runs/{run}/artifacts"
        : throw new JobInputException("The job has no run to read or store artefacts in.");

    private string ArtifactPath(string path) => $"{ArtifactsRoot}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    /// <param name="content">Makes the body afresh for each try (a request is sent once).</param>
    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken cancellationToken) =>
        TransientApiFaults.RetryAsync(async () =>
        {
            using var request = new HttpRequestMessage(method, new Uri(api.BaseAddress, path)) { Content = content?.Invoke() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await clients.CreateClient(nameof(RestJobApi)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }, logger, $"{method} {path}", cancellationToken);

    private static async Task FailOnNotFoundAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var problem = await response.Content.ReadAsStringAsync();
        response.Dispose();
        throw response.StatusCode == HttpStatusCode.NotFound
            ? new JobInputException($"{what} was not found.")
            : new HttpRequestException($"The Api answered {(int)response.StatusCode}: {problem}", null, response.StatusCode);
    }
}
