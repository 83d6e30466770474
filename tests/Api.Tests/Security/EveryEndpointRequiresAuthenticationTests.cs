using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>Walks every endpoint the app maps and proves that, without credentials, each answers 401.</summary>
public sealed class EveryEndpointRequiresAuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>The only endpoints that answer without a token, each for a reason.</summary>
    private static readonly HashSet<string> Public =
    [
        "POST /api/v1/auth/token",      // signing in
        "GET /health/live",             // orchestrator probes
        "GET /health/ready",
        "GET /openapi/{documentName}.json", // the API's description, no data
        "GET /scalar/{documentName?}",      // the interactive reference page over that description
        "GET /scalar/favicon.svg",          // and its static assets
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/scalar.js",
        "POST /api/v1/fleet/enrol",                 // a device's one-time enrolment token is its credential (400 without one, 401 for a made-up one)
        "POST /api/v1/fleet/devices/{id:guid}/token", // a device's signed assertion is its credential (400 without one, 401 for a bad one)
    ];

    /// <summary>
    /// Open to anonymous callers by design, yet answering 401 to a made-up request: a download link is its own
    /// credential (signed, bound to a user, expiring in minutes), so that a browser holding no token can save a file.
    /// </summary>
    private static readonly HashSet<string> AnonymousWithTheirOwnCredential =
    [
        "GET /api/v1/downloads/{token}",
    ];

    [Fact]
    public void Only_the_listed_endpoints_are_open_to_anonymous_callers()
    {
        var open = Endpoints().Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => $"{e.Method} {e.Pattern}").Distinct().Order();
        Assert.Equal(string.Join('\n', Public.Union(AnonymousWithTheirOwnCredential).Order()), string.Join('\n', open));
    }

    [Fact]
    public async Task Every_mapped_endpoint_answers_401_without_credentials_except_the_public_list()
    {
        using var client = factory.CreateClient();
        var endpoints = Endpoints().Select(e => (e.Method, e.Pattern)).Distinct().ToList();
        Assert.True(endpoints.Count >= 25, $"Expected the API's endpoints, found only {endpoints.Count}");

        var answeredWithout401 = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern));
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode != StatusCodes.Status401Unauthorized)
            {
                answeredWithout401.Add($"{method} {pattern}");
            }
        }

        Assert.Equal(string.Join('\n', Public.Order()), string.Join('\n', answeredWithout401.Order()));
    }

    private IEnumerable<(string Method, string Pattern, RouteEndpoint Endpoint)> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, "/" + e.RoutePattern.RawText!.TrimStart('/'), e)));

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\*\*)?([a-zA-Z]+)[^}]*\}", m => m.Groups[2].Value switch
        {
            "documentName" => "v1",
            "path" => "model/weights.bin",
            "id" or "experimentId" => Guid.NewGuid().ToString(),
            _ => "x",
        });
}
