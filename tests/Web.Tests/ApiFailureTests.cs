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

    [Fact]
    public void A_refused_hub_subscription_reads_as_its_reason_without_signalrs_wrapping()
    {
        var refused = new HubException("An unexpected error occurred invoking 'SubscribeToApprovals' on the server. HubException: Only Approver, Admin may do this.");

        Assert.Equal("Only Approver, Admin may do this.", ApiFailure.Describe(refused));
    }

    [Fact]
    public void A_hub_failure_without_a_reason_is_a_plain_sentence()
    {
        var failed = new HubException("An unexpected error occurred invoking 'SubscribeToRun' on the server.");

        Assert.DoesNotContain("invoking", ApiFailure.Describe(failed));
    }
}
