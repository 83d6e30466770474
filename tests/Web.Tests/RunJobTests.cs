using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Platform.Web.Api;

namespace Platform.Web.Tests;

/// <summary>The job a run's page follows (its lineage and log): the run's training, not a later evaluation.</summary>
public sealed class RunJobTests : PortalTestContext
{
    private static readonly Guid Run = Guid.Parse("0193a0a0-0000-7000-8000-0000000000aa");
    private readonly Dictionary<string, string> _answers = [];
    private readonly PlatformApiClient _api;

    public RunJobTests()
    {
        var http = new HttpClient(new StandIn(_answers)) { BaseAddress = new Uri("http://api.test/") };
        _api = new PlatformApiClient(http, new PortalSession(new ProtectedLocalStorage(JSInterop.JSRuntime, new EphemeralDataProtectionProvider())));
    }

    [Fact]
    public async Task A_run_trained_then_evaluated_follows_its_train_job()
    {
        _answers[$"/api/v1/jobs?runId={Run}&kind=Train&limit=1"] = Page(Job("0193a0a0-0000-7000-8000-000000000001", "Train"));
        _answers[$"/api/v1/jobs?runId={Run}&limit=1"] = Page(Job("0193a0a0-0000-7000-8000-000000000002", "Evaluate"));

        var job = await _api.RunJobAsync(Run);

        Assert.Equal(("Train", Guid.Parse("0193a0a0-0000-7000-8000-000000000001")), (job!.Kind, job.Id));
    }

    [Fact]
    public async Task A_run_without_training_follows_its_newest_job()
    {
        _answers[$"/api/v1/jobs?runId={Run}&kind=Train&limit=1"] = Page();
        _answers[$"/api/v1/jobs?runId={Run}&limit=1"] = Page(Job("0193a0a0-0000-7000-8000-000000000002", "Evaluate"));

        Assert.Equal("Evaluate", (await _api.RunJobAsync(Run))!.Kind);
    }

    private static string Job(string id, string kind) =>
        $$"""{"id":"{{id}}","kind":"{{kind}}","state":"Succeeded","parametersJson":"{}","submittedBy":"alice","createdAt":"2026-12-06T00:00:00Z"}""";

    private static string Page(params string[] items) => $$"""{"items":[{{string.Join(",", items)}}],"nextCursor":null}""";

    private sealed class StandIn(Dictionary<string, string> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers.TryGetValue(Admin.StubApi.AsRoot(request.RequestUri!.PathAndQuery), out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{}", Encoding.UTF8, "application/problem+json") });
    }
}
