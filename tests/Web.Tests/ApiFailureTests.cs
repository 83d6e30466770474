using System.Net;
using Microsoft.AspNetCore.SignalR;
using Platform.Web.Api;

namespace Platform.Web.Tests;

public sealed class ApiFailureTests
{
    [Fact]
    public void Api_and_hub_failures_become_messages_and_anything_else_is_left_to_surface()
    {
        var problem = new ApiProblem(HttpStatusCode.BadRequest, "Invalid request", "Fix the fields", new Dictionary<string, string[]> { ["comment"] = ["is required"] });

        Assert.Equal("Invalid request: comment is required", ApiFailure.Describe(problem));
        Assert.Equal("no such model", ApiFailure.Describe(new HubException("no such model")));
        Assert.Contains("cannot be reached", ApiFailure.Describe(new HttpRequestException("refused")));
        Assert.Contains("does not understand", ApiFailure.Describe(new System.Text.Json.JsonException()));
        Assert.Null(ApiFailure.Describe(new InvalidOperationException("a bug")));
    }
}
