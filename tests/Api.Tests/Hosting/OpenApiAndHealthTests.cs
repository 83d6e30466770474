using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Hosting;

public sealed class OpenApiAndHealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_the_tracking_api_with_bearer_security()
    {
        using var client = factory.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(200);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[]
                 {
                     "/api/v1/auth/token", "/api/v1/experiments", "/api/v1/runs/search", "/api/v1/runs/{id}/metrics",
                     "/api/v1/runs/{id}/metrics/history", "/api/v1/runs/{id}/artifacts/{path}", "/api/v1/tokens",
                 })
        {
            Assert.Contains(expected, paths);
        }

        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var page = await client.GetAsync("/scalar/v1");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_without_a_token()
    {
        using var client = factory.CreateClient();
        Assert.Equal("Healthy", await (await client.GetAsync("/health/live")).Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }
}
