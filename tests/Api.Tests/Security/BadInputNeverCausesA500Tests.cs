using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>Sends malformed bodies, ids and query values to every endpoint as an admin: each answer is a 4xx problem.</summary>
public sealed class BadInputNeverCausesA500Tests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Bodies =
    [
        "", "null", "[]", "{", "\"text\"", "{\"name\": 42}", "{\"metrics\": [{\"key\": null, \"value\": []}]}",
        "{\"params\": {\"\": \"\"}}", "{\"roles\": [\"Emperor\"]}", "{\"experimentIds\": [\"not-a-guid\"]}", "{\"status\": 99}",
    ];

    [Fact]
    public async Task Malformed_requests_get_4xx_problem_details_never_500()
    {
        using var admin = await factory.AdminAsync();
        var experiment = await admin.CreateExperimentAsync();
        var run = await admin.CreateRunAsync(experiment);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();

        var failures = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            var url = pattern.Replace("{experimentId:guid}", experiment).Replace("{id:guid}", run).Replace("{**path}", "a%01b")
                + "?limit=-1&cursor=%%%&key=&lifecycle=Sideways&filter=metrics.";
            foreach (var body in method is "GET" or "DELETE" ? [""] : Bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is not ("GET" or "DELETE"))
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    failures.Add($"{method} {pattern} body={body} -> {status} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
