using System.Text;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Deployments;

/// <summary>Bad desired states are 400 naming the field, before anything is looked up or stored.</summary>
public sealed class DeploymentValidationTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    private const string Good = "\"model\":\"m\",\"environment\":\"Production\",\"reason\":\"r\",\"versions\":[{\"version\":1,\"weight\":90},{\"version\":2,\"weight\":10,\"canary\":true}]";

    [Theory]
    [InlineData("churn", """{"environment":"Production","reason":"r","versions":[{"version":1,"weight":1}]}""", "model")]
    [InlineData("churn", """{"model":"m","reason":"r","versions":[{"version":1,"weight":1}]}""", "environment")]
    [InlineData("churn", """{"model":"m","environment":"Production","versions":[{"version":1,"weight":1}]}""", "reason")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r"}""", "versions")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r","versions":[]}""", "versions")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r","versions":[{"version":1,"weight":-1}]}""", "versions[0].weight")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r","versions":[{"version":0,"weight":1}]}""", "versions[0].version")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r","versions":[{"version":1,"weight":0}]}""", "versions")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r","versions":[{"version":1,"weight":1},{"version":1,"weight":2}]}""", "versions")]
    [InlineData("churn", """{"model":"m","environment":"Production","reason":"r","versions":[{"version":2,"weight":100,"canary":true}]}""", "versions")]
    [InlineData("Churn_Model", "{" + Good + "}", "name")]
    [InlineData("churn", "{" + Good + ",\"canaryPolicy\":{\"maxErrorRate\":2,\"maxP95Milliseconds\":100,\"windowSeconds\":60,\"minRequests\":20}}", "canaryPolicy")]
    [InlineData("churn", "{" + Good + ",\"driftPolicy\":{\"psiThreshold\":0,\"ksThreshold\":0.2,\"minSamples\":200,\"intervalSeconds\":60}}", "driftPolicy")]
    [InlineData("churn", """{"model":"m","environment":"Nowhere","reason":"r","versions":[{"version":1,"weight":1}]}""", "environment")]
    public async Task A_bad_desired_state_is_400_naming_the_field(string name, string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await (await (await factory.OperatorAsync()).PutAsync($"/api/v1/deployments/{name}", content)).ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {problem}");
    }

    [Theory]
    [InlineData("canary-rollbacks", """{"revision":0,"version":2,"reason":"r","requests":10,"errors":1,"errorRate":0.1,"p95Milliseconds":3,"windowStart":"2026-11-24T00:00:00Z","windowEnd":"2026-11-24T00:01:00Z","host":"h"}""", "revision")]
    [InlineData("canary-rollbacks", """{"revision":1,"version":2,"reason":"r","requests":10,"errors":11,"errorRate":0.1,"p95Milliseconds":3,"windowStart":"2026-11-24T00:00:00Z","windowEnd":"2026-11-24T00:01:00Z","host":"h"}""", "errors")]
    [InlineData("canary-rollbacks", """{"revision":1,"version":2,"reason":"r","requests":10,"errors":1,"errorRate":0.1,"p95Milliseconds":3,"windowStart":"2026-11-24T00:02:00Z","windowEnd":"2026-11-24T00:01:00Z","host":"h"}""", "windowEnd")]
    [InlineData("monitoring", """{"revision":1,"from":"2026-11-24T00:00:00Z","to":"2026-11-24T00:01:00Z","host":"h","versions":[]}""", "versions")]
    [InlineData("monitoring", """{"revision":1,"from":"2026-11-24T00:00:00Z","to":"2026-11-24T00:01:00Z","host":"","versions":[{"version":1,"requests":1,"errors":0,"p50Milliseconds":1,"p95Milliseconds":1,"p99Milliseconds":1,"sampleSize":1,"drift":[]}]}""", "host")]
    [InlineData("monitoring", """{"revision":1,"from":"2026-11-24T00:00:00Z","to":"2026-11-24T00:01:00Z","host":"h","versions":[{"version":1,"requests":1,"errors":2,"p50Milliseconds":1,"p95Milliseconds":1,"p99Milliseconds":1,"sampleSize":1,"drift":[]}]}""", "versions[0].errors")]
    public async Task A_bad_report_from_a_serving_host_is_400_naming_the_field(string route, string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await (await (await factory.OperatorAsync()).PostAsync($"/api/v1/deployments/any/{route}", content)).ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {problem}");
    }
}
