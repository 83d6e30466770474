using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Contracts.Api;

namespace Platform.Serving.ControlPlane;

/// <summary>
/// <see cref="IServingControlPlane"/> over REST: <c>Serving:ControlPlane:ApiUrl</c>, with the token in
/// <c>Serving:ControlPlane:Token</c> sent as a Bearer token (set on each request, never logged).
/// </summary>
internal sealed class HttpServingControlPlane(IHttpClientFactory clients, IOptions<ServingOptions> options) : IServingControlPlane
{
    public const string ClientName = "serving-control-plane";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ControlPlaneOptions _options = options.Value.ControlPlane;

    public async Task<ServingDesiredState?> GetDesiredStateAsync(long? knownVersion, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, ServingControlPlaneApi.DesiredStateOfAllWorkspaces, null, HttpCompletionOption.ResponseContentRead, cancellationToken,
            knownVersion is { } known ? ServingControlPlaneApi.StateETag(known) : null).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return null;
        }

        return await response.Content.ReadFromJsonAsync<ServingDesiredState>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException("The control plane answered the desired state with an empty body.");
    }

    public async Task DownloadModelAsync(string workspace, string model, int version, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await SendAsync(HttpMethod.Get, ServingControlPlaneApi.ModelFile(workspace, model, version), null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ReportCanaryRollbackAsync(string endpoint, CanaryRollbackReport report, CancellationToken cancellationToken)
    {
        var (workspace, deployment) = ServingControlPlaneApi.Deployment(endpoint);
        using var response = await SendAsync(HttpMethod.Post, ServingControlPlaneApi.CanaryRollback(workspace, deployment), JsonContent.Create(report, options: Json), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReportMonitoringAsync(string endpoint, MonitoringReport report, CancellationToken cancellationToken)
    {
        var (workspace, deployment) = ServingControlPlaneApi.Deployment(endpoint);
        using var response = await SendAsync(HttpMethod.Post, ServingControlPlaneApi.Monitoring(workspace, deployment), JsonContent.Create(report, options: Json), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a call; with <paramref name="ifNoneMatch"/>, a 304 is an answer too.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, HttpContent? content, HttpCompletionOption completion, CancellationToken cancellationToken, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(_options.ApiUrl!), path)) { Content = content };
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        var client = clients.CreateClient(ClientName);
        var response = await client.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && !(ifNoneMatch is not null && response.StatusCode == HttpStatusCode.NotModified))
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new HttpRequestException($"The control plane answered {method} {path} with {(int)status} {status}.", null, status);
        }

        return response;
    }
}
