using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Governance;

/// <summary>
/// A model's own approval policy applies to it instead of its environment's: once, a gate on one model's dataset for
/// Production made every other model impossible to promote ("the version has no evaluation on … test").
/// </summary>
public sealed class ModelApprovalPolicyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly object GatedOnFraudData = new
    {
        approverRoles = new[] { "Approver" }, requiredApprovals = 1, gateDataset = "fraud-data",
        gates = new[] { new { metric = "rocAuc", @operator = "AtLeast", threshold = 0.9 } },
    };

    [Fact]
    public async Task A_gate_on_one_models_dataset_does_not_hold_back_another_model()
    {
        using var admin = await factory.AdminAsync();
        using var scientist = await factory.UserAsync("DataScientist");
        var (fraud, churn) = ("fraud-" + Guid.NewGuid().ToString("N")[..6], "churn-" + Guid.NewGuid().ToString("N")[..6]);
        await scientist.RegisterVersionAsync(fraud);
        await scientist.RegisterVersionAsync(churn);

        await (await admin.PutJsonAsync($"/api/v1/models/{fraud}/approval-policies/Production", GatedOnFraudData)).ExpectAsync(200);

        await (await RequestAsync(scientist, churn)).ExpectAsync(201);
        var refused = await (await RequestAsync(scientist, fraud)).ExpectAsync(422);
        Assert.Contains("fraud-data", refused.ToJsonString());
        var environment = await EnvironmentPolicyAsync(scientist, "/api/v1/approval-policies");
        Assert.Equal(("default", 0), (environment["scope"]!.GetValue<string>(), environment["gates"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_models_policies_show_whose_they_are_and_removing_its_own_falls_back_to_the_environments()
    {
        using var admin = await factory.AdminAsync();
        using var scientist = await factory.UserAsync("DataScientist");
        var model = "scoped-" + Guid.NewGuid().ToString("N")[..6];
        await scientist.RegisterVersionAsync(model);
        await (await admin.PutJsonAsync($"/api/v1/models/{model}/approval-policies/Production", GatedOnFraudData)).ExpectAsync(200);

        var own = await EnvironmentPolicyAsync(scientist, $"/api/v1/models/{model}/approval-policies");
        Assert.Equal(("model", model, "fraud-data"), (own["scope"]!.GetValue<string>(), own["model"]!.GetValue<string>(), own["gateDataset"]!.GetValue<string>()));

        await (await admin.DeleteAsync($"/api/v1/models/{model}/approval-policies/Production")).ExpectAsync(204);

        var fallen = await EnvironmentPolicyAsync(scientist, $"/api/v1/models/{model}/approval-policies");
        Assert.NotEqual("model", fallen["scope"]!.GetValue<string>());
        await (await RequestAsync(scientist, model)).ExpectAsync(201);
        await (await admin.DeleteAsync($"/api/v1/models/{model}/approval-policies/Production")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_policy_for_a_model_that_does_not_exist_is_404_and_only_an_admin_sets_one()
    {
        using var admin = await factory.AdminAsync();
        using var scientist = await factory.UserAsync("DataScientist");
        var model = "owned-" + Guid.NewGuid().ToString("N")[..6];
        await scientist.RegisterVersionAsync(model);

        await (await admin.PutJsonAsync("/api/v1/models/no-such-model/approval-policies/Production", GatedOnFraudData)).ExpectAsync(404);
        await (await scientist.PutJsonAsync($"/api/v1/models/{model}/approval-policies/Production", GatedOnFraudData)).ExpectAsync(403);
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string model) =>
        client.PostJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Production", justification = "ready" });

    private static async Task<JsonNode> EnvironmentPolicyAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).ExpectAsync(200)).AsArray().Single(p => p!["environment"]!.GetValue<string>() == "Production")!;
}
