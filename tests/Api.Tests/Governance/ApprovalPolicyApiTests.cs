using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Governance;

/// <summary>Approval policies through the Api: the built-in default, Admin's definition, and bad input named by field.</summary>
public sealed class ApprovalPolicyApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Production_uses_the_default_until_admin_defines_a_gated_policy()
    {
        using var admin = await factory.AdminAsync();
        using var viewer = await factory.UserAsync("Viewer");
        var before = await Production(viewer);
        Assert.True(before["isDefault"]!.GetValue<bool>());
        Assert.Equal(1, before["requiredApprovals"]!.GetValue<int>());

        await (await admin.PutJsonAsync("/api/v1/approval-policies/Production", new
        {
            approverRoles = new[] { "Approver", "Operator" }, requiredApprovals = 2, gateDataset = "cancer",
            gates = new[] { new { metric = "rocAuc", @operator = "AtLeast", threshold = 0.8 } }, expiryHours = 48,
        })).ExpectAsync(200);

        var after = await Production(viewer);
        Assert.False(after["isDefault"]!.GetValue<bool>());
        Assert.Equal(["Approver", "Operator"], after["approverRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("rocAuc", after["gates"]![0]!["metric"]!.GetValue<string>());
        Assert.Equal(("test", 48), (after["gateSplit"]!.GetValue<string>(), after["expiryHours"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("requiredApprovals", """{"approverRoles":["Approver"],"requiredApprovals":0}""")]
    [InlineData("gateDataset", """{"approverRoles":["Approver"],"requiredApprovals":1,"gates":[{"metric":"rocAuc","operator":"AtLeast","threshold":0.8}]}""")]
    [InlineData("approverRoles", """{"approverRoles":[],"requiredApprovals":1}""")]
    [InlineData("gates[0].metric", """{"approverRoles":["Approver"],"requiredApprovals":1,"gateDataset":"d","gates":[{"metric":"","operator":"AtLeast","threshold":1}]}""")]
    [InlineData("regressionLimits[0].maxRegression", """{"approverRoles":["Approver"],"requiredApprovals":1,"gateDataset":"d","regressionLimits":[{"metric":"rocAuc","maxRegression":-1}]}""")]
    [InlineData("environment", """{"approverRoles":["Approver"],"requiredApprovals":1}""", "Development")]
    public async Task A_bad_policy_is_400_naming_the_field(string field, string body, string environment = "Staging")
    {
        using var admin = await factory.AdminAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var problem = await (await admin.PutAsync($"/api/v1/approval-policies/{environment}", content)).ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Unknown_promotion_requests_are_404_and_a_rejection_without_a_comment_is_400()
    {
        using var approver = await factory.UserAsync("Approver");
        var id = Guid.NewGuid();

        await (await approver.GetAsync($"/api/v1/promotions/{id}")).ExpectAsync(404);
        await (await approver.PostJsonAsync($"/api/v1/promotions/{id}/approve", new { })).ExpectAsync(404);
        var problem = await (await approver.PostJsonAsync($"/api/v1/promotions/{id}/reject", new { comment = "" })).ExpectAsync(400);
        Assert.True(problem["errors"]?["comment"] is not null, problem.ToJsonString());
    }

    private static async Task<JsonNode> Production(HttpClient client)
    {
        var policies = (await (await client.GetAsync("/api/v1/approval-policies")).ExpectAsync(200)).AsArray();
        return policies.Single(p => p!["environment"]!.GetValue<string>() == "Production")!;
    }
}
