using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Edge.Tests.Support;
using Platform.MachineLearning.Evaluation;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// Issue 19's must-show after training: the federated model is registered from its run with federated lineage (counts
/// per region, no site named), evaluated, promoted to Production through an approval whose policy gates on ε, and
/// rolled out to a device running the real edge agent, which serves it; an ε over a policy's limit is refused.
/// </summary>
public sealed class FederatedModelJourneyTests(PrivateFederation federation) : IClassFixture<PrivateFederation>
{
    private HttpClient Admin => federation.Admin;

    [Fact]
    public async Task A_private_federated_model_is_registered_with_its_lineage_evaluated_approved_under_an_epsilon_gate_and_served_by_a_device()
    {
        var model = "digits-federated";
        var version = await RegisterAsync(model);
        AssertFederatedLineage(version.GetProperty("lineage"));
        Assert.Equal(federation.Epsilon, version.GetProperty("metrics").GetProperty("dp.epsilon").GetDouble(), 9);

        var holdout = await UploadHoldoutAsync();
        var report = await EvaluationWorker.EvaluateAsync(federation.Platform, Admin, model, 1, "digits-holdout", holdout);
        var evaluations = await (await Admin.GetAsync($"/api/v1/models/{model}/versions/1/evaluations")).ExpectAsync();
        Assert.Equal(report.Classification!.Accuracy, evaluations.GetProperty("items")[0].GetProperty("metrics").GetProperty("accuracy").GetDouble(), 9);

        await SetPolicyAsync(model, epsilonAtMost: 12, accuracyAtLeast: 0.4);
        using var approver = await ServingDevice.UserAsync(federation.Platform, Admin, "Approver");
        var request = await (await RequestAsync(model)).ExpectAsync(201);
        var gates = request.GetProperty("requestEvidence").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("gate").GetString()).ToList();
        Assert.Equal(["accuracy >= 0.4", "dp.epsilon <= 12"], gates);
        var approved = await (await approver.PostAsJsonAsync($"/api/v1/promotions/{request.GetProperty("id").GetGuid()}/approve", new { comment = "ε within budget" })).ExpectAsync();
        Assert.Equal("Approved", approved.GetProperty("status").GetString());

        using var state = new TempDirectory();
        await using var device = await ServingDevice.StartAsync(federation.Platform, Admin, state.Path);
        var rollout = await (await Admin.PostAsJsonAsync("/api/v1/fleet/rollouts", new
        {
            model, version = 1, selector = "site=plant-7", waves = new[] { new { percent = 100 } },
            gate = new { minReportingPercent = 100, maxFailurePercent = 0, timeoutSeconds = 60 }, healthCheck = new { windowSeconds = 0 },
        })).ExpectAsync(201);
        var done = await ServingDevice.DriveRolloutAsync(device, Admin, rollout.GetProperty("id").GetGuid());

        Assert.Equal(("Completed", "1"), (done.GetProperty("state").GetString(), device.ServedVersion(model)));
        var rows = federation.Digits.Numbers(federation.Digits.Test).Rows;
        using var runner = new OnnxModelRunner(await Admin.GetByteArrayAsync($"/api/v1/models/{model}/versions/1/artifact"));
        Assert.Equal(runner.Run(rows[..5]).Labels!, await ServingDevice.InferAsync(device, model, rows[..5]));
    }

    [Fact]
    public async Task The_same_model_under_the_policy_dp_epsilon_at_most_8_is_refused_promotion_naming_its_epsilon()
    {
        var model = "digits-too-private";
        await RegisterAsync(model);
        await SetPolicyAsync(model, epsilonAtMost: 8, accuracyAtLeast: null);

        var refused = await (await RequestAsync(model)).ExpectAsync(422);

        Assert.Equal("dp.epsilon <= 8", refused.GetProperty("failedGates")[0].GetString());
        Assert.Contains($"dp.epsilon is {federation.Epsilon.ToString("0.####", CultureInfo.CurrentCulture)}", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> RegisterAsync(string model) =>
        await (await Admin.PostAsJsonAsync($"/api/v1/models/{model}/versions", new { runId = federation.RunId })).ExpectAsync(201);

    private void AssertFederatedLineage(JsonElement lineage)
    {
        var federated = lineage.GetProperty("federated");
        Assert.Equal(federation.Federation.GetProperty("id").GetGuid(), federated.GetProperty("federationId").GetGuid());
        Assert.Equal((PrivateFederation.Rounds, "FedAvg", federation.SiteIds.Count), (federated.GetProperty("rounds").GetInt32(), federated.GetProperty("strategy").GetString(), federated.GetProperty("sites").GetInt32()));
        var regions = federated.GetProperty("sitesPerRegion").EnumerateObject().Select(r => (r.Name, r.Value.GetInt32()));
        Assert.Equal([("eu", PrivateFederation.EuSites), ("unknown", PrivateFederation.SitesWithoutRegion), ("us", PrivateFederation.UsSites)], regions);
        Assert.False(federated.GetProperty("secureAggregation").GetBoolean());
        Assert.Equal("Float32", federated.GetProperty("compression").GetProperty("encoding").GetString());
        var dp = federated.GetProperty("dp");
        Assert.Equal((federation.Epsilon, 1e-5, 1.0, 1.0), (dp.GetProperty("epsilon").GetDouble(), dp.GetProperty("delta").GetDouble(), dp.GetProperty("clipNorm").GetDouble(), dp.GetProperty("noiseMultiplier").GetDouble()));
        var text = lineage.GetRawText();
        Assert.All(federation.SiteIds, id => Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("site-", text, StringComparison.Ordinal);
    }

    /// <summary>The test part of digits, which no site holds, as a dataset version of its own; answers its version.</summary>
    private async Task<int> UploadHoldoutAsync()
    {
        var test = federation.Digits.Test;
        var csv = string.Join('\n', [string.Join(',', test.ColumnNames), .. test.Rows.Select(r => string.Join(',', r))]) + "\n";
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        body.Headers.ContentType = new("text/csv");
        var created = await (await Admin.PostAsync("/api/v1/datasets/digits-holdout/versions", body)).ExpectAsync(201);
        return created.GetProperty("version").GetInt32();
    }

    private async Task SetPolicyAsync(string model, double epsilonAtMost, double? accuracyAtLeast)
    {
        var gates = new List<object> { new { metric = "dp.epsilon", @operator = "AtMost", threshold = epsilonAtMost } };
        if (accuracyAtLeast is { } accuracy)
        {
            gates.Insert(0, new { metric = "accuracy", @operator = "AtLeast", threshold = accuracy });
        }

        await (await Admin.PutAsJsonAsync($"/api/v1/models/{model}/approval-policies/Production", new
        {
            approverRoles = new[] { "Approver" }, requiredApprovals = 1, gateDataset = "digits-holdout", gateSplit = "test", gates, expiryHours = 24,
        })).ExpectAsync();
    }

    private Task<HttpResponseMessage> RequestAsync(string model) =>
        Admin.PostAsJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Production", justification = "federated, private" });
}
