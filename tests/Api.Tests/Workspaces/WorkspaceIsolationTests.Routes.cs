using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.Tests.Workspaces;

/// <summary>The isolation test's walk: every workspace route the app maps, and each route filled with one world's resources.</summary>
public sealed partial class WorkspaceIsolationTests
{
    private static IEnumerable<(string Method, string Pattern)> WorkspaceEndpointsOf(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/workspaces/{workspace}/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.StartsWith("/api/v1/workspaces/{workspace}/members", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct();

    private IEnumerable<(string Method, string Pattern)> WorkspaceEndpoints() => WorkspaceEndpointsOf(factory.Services.GetRequiredService<EndpointDataSource>()).ToList();

    private static bool NamesAResource(string rest) => rest.Split('/').Any(Parameter().IsMatch);

    /// <summary>The path with each parameter given the value it names in <paramref name="world"/>, or the first parameter it cannot fill.</summary>
    private static (string Path, string? Unmapped) Fill(string rest, Resources world)
    {
        var segments = rest.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (Parameter().Match(segments[i]) is not { Success: true } match)
            {
                continue;
            }

            var parameter = match.Groups["name"].Value;
            var before = i > 0 ? segments[i - 1] : "";
            var value = (parameter, before) switch
            {
                ("id" or "experimentId", "experiments") => world.Experiment,
                ("id", "runs") => world.Run,
                ("id", "jobs") => world.Job,
                ("id", "webhooks") => world.Webhook,
                ("id", "promotions") => world.Promotion,
                ("id", "model-versions") => world.ModelVersion,
                ("id", "keys") => world.Unknown,
                ("id", "devices") => world.Device,
                ("id", "enrolment-tokens") => world.EnrolmentToken,
                ("id", "rollouts") => world.Rollout,
                ("id", "federations") => world.Federation,
                ("deliveryId", _) => world.Unknown,
                ("name", "models") => world.Model,
                ("name", "datasets") => world.Dataset,
                ("name", "deployments") => world.Deployment,
                ("version", _) => "1",
                ("alias", _) => "champion",
                ("key", _) => "owner",
                ("environment", _) => "Production",
                ("path", _) => "model.onnx",
                _ => null,
            };
            if (value is null)
            {
                return (rest, parameter);
            }

            segments[i] = Uri.EscapeDataString(value);
        }

        return (string.Join('/', segments), null);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET" && method != "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^\{\**(?<name>[A-Za-z]+)(:[^}]*)?\}$")]
    private static partial Regex Parameter();
}
