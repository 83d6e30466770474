using System.Net;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>An error keeps its status whatever the caller accepts: problem details where JSON is acceptable, an empty body otherwise.</summary>
public sealed class ErrorAnswersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/octet-stream")]
    [InlineData("text/plain")]
    public async Task A_not_found_is_404_for_a_caller_that_does_not_accept_json(string accept)
    {
        using var admin = await factory.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/experiments/{Guid.NewGuid()}");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_not_found_is_problem_details_for_a_caller_that_accepts_json()
    {
        using var admin = await factory.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/experiments/{Guid.NewGuid()}");
        request.Headers.Accept.ParseAdd("text/csv, application/json;q=0.5");

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_api_address_is_401_without_a_token_and_404_problem_details_with_one()
    {
        using var anonymous = factory.CreateClient();
        using var admin = await factory.AdminAsync();

        var withoutToken = await anonymous.GetAsync("/api/v1/no-such-resource");
        var withToken = await admin.GetAsync("/api/v1/no-such-resource");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withToken.StatusCode);
        Assert.Equal("application/problem+json", withToken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_405_naming_the_ones_it_does()
    {
        using var admin = await factory.AdminAsync();

        using var response = await admin.DeleteAsync("/api/v1/experiments");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }
}
