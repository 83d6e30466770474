using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

/// <summary>The model page's comparison against Production, over a stand-in Api that answers the evaluation and compare reads.</summary>
public sealed class ProductionComparisonTests : PortalTestContext
{
    private const string Evaluation = """{"id":"0193a0a0-0000-7000-8000-000000000001","model":"churn","version":2,"dataset":"customers","datasetVersion":3,"split":"test","metrics":{"accuracy":0.91},"createdAt":"2026-11-24T00:00:00Z"}""";
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = [];
    private readonly List<string> _asked = [];

    public ProductionComparisonTests()
    {
        var http = new HttpClient(new StandIn(this)) { BaseAddress = new Uri("http://api.test/") };
        var session = new PortalSession(new ProtectedLocalStorage(JSInterop.JSRuntime, new EphemeralDataProtectionProvider()));
        Services.AddSingleton(new PlatformApiClient(http, session));
    }

    [Fact]
    public void The_candidates_latest_evaluation_is_compared_with_production_on_the_same_dataset_version_and_part()
    {
        _answers["/api/v1/models/churn/versions/2/evaluations"] = (HttpStatusCode.OK, $$"""{"items":[{{Evaluation}}],"nextCursor":null}""");
        _answers["/api/v1/models/churn/versions/2/compare"] = (HttpStatusCode.OK, $$$"""
            {"model":"churn","dataset":"customers","datasetVersion":3,"split":"test",
             "this":{{{Evaluation}}},
             "other":{"id":"0193a0a0-0000-7000-8000-000000000002","model":"churn","version":1,"dataset":"customers","datasetVersion":3,"split":"test","metrics":{"accuracy":0.88},"createdAt":"2026-11-23T00:00:00Z"}}
            """);

        var comparison = Render<ProductionComparison>(p => p.Add(x => x.Model, "churn").Add(x => x.Versions, [Version(2, "Staging"), Version(1, "Production")]));

        comparison.WaitForAssertion(() => Assert.Equal("Better", comparison.Find("[data-metric=accuracy]").GetAttribute("data-verdict")));
        Assert.Contains("+0.03", comparison.Find("[data-metric=accuracy]").TextContent);
        Assert.Contains("customers v3 (test part)", comparison.Markup);
        Assert.Contains(_asked, q => q.Contains("against=1&dataset=customers&datasetVersion=3&split=test", StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_version_never_evaluated_there_is_said_in_words()
    {
        _answers["/api/v1/models/churn/versions/2/evaluations"] = (HttpStatusCode.OK, $$"""{"items":[{{Evaluation}}],"nextCursor":null}""");
        _answers["/api/v1/models/churn/versions/2/compare"] = (HttpStatusCode.NotFound, """{"title":"Not found","detail":"Evaluation churn v1 not found"}""");

        var comparison = Render<ProductionComparison>(p => p.Add(x => x.Model, "churn").Add(x => x.Versions, [Version(2, "Staging"), Version(1, "Production")]));

        comparison.WaitForAssertion(() => Assert.Contains("v1 has no evaluation", comparison.Find("[data-testid=comparison-message]").TextContent));
    }

    [Fact]
    public void Without_a_version_in_production_there_is_nothing_to_compare_and_nothing_is_asked()
    {
        var comparison = Render<ProductionComparison>(p => p.Add(x => x.Model, "churn").Add(x => x.Versions, [Version(1, "Staging")]));

        Assert.Contains("No version is in Production yet", comparison.Markup);
        Assert.Empty(_asked);
    }

    private static ModelVersionInfo Version(int number, string stage) =>
        new("churn", number, stage, new string('a', 64), JsonDocument.Parse("{}").RootElement, null, "someone", DateTimeOffset.UnixEpoch);

    private sealed class StandIn(ProductionComparisonTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            test._asked.Add(Admin.StubApi.AsRoot(request.RequestUri!.PathAndQuery));
            var (status, body) = test._answers.TryGetValue(Admin.StubApi.AsRoot(request.RequestUri.AbsolutePath), out var answer) ? answer : (HttpStatusCode.NotFound, "{}");
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
