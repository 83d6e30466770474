using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Governance;

/// <summary>
/// A gate on how a version was trained (<c>dp.epsilon AtMost 8</c>) reads the version's metrics at registration, which no
/// evaluation measures: ε within the limit passes without an evaluation, ε over it and no ε at all are refused (422) with the reason.
/// </summary>
public sealed class ProvenanceGateTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly object PrivateEnough = new
    {
        approverRoles = new[] { "Approver" }, requiredApprovals = 1, gateDataset = "holdout",
        gates = new[] { new { metric = "dp.epsilon", @operator = "AtMost", threshold = 8.0 } },
    };

    [Fact]
    public async Task An_epsilon_within_the_limit_passes_and_is_kept_as_the_requests_evidence()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var model = await GatedModelAsync(scientist, ("dp.epsilon", 2.5), ("loss", 0.3));

        var request = await (await RequestAsync(scientist, model)).ExpectAsync(201);

        Assert.Equal(2.5, request["requestEvidence"]!["provenance"]!["dp.epsilon"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_epsilon_over_the_limit_is_refused_naming_the_gate_and_the_value()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var model = await GatedModelAsync(scientist, ("dp.epsilon", 12.0));

        var refused = await (await RequestAsync(scientist, model)).ExpectAsync(422);

        Assert.Equal("dp.epsilon <= 8", refused["failedGates"]![0]!.GetValue<string>());
        Assert.Contains("dp.epsilon is 12", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_trained_without_differential_privacy_is_refused_saying_it_records_no_epsilon()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var model = await GatedModelAsync(scientist, ("loss", 0.3));

        var refused = await (await RequestAsync(scientist, model)).ExpectAsync(422);

        Assert.Contains("records no dp.epsilon", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A model whose version 1 comes from a run that logged <paramref name="metrics"/>, under a Production policy gated on ε.</summary>
    private async Task<string> GatedModelAsync(HttpClient scientist, params (string Key, double Value)[] metrics)
    {
        using var admin = await factory.AdminAsync();
        var model = "private-" + Guid.NewGuid().ToString("N")[..6];
        var run = await scientist.CreateRunAsync(await scientist.CreateExperimentAsync());
        var points = metrics.Select(m => new { key = m.Key, value = m.Value, step = 1, timestamp = 1_700_000_000_000L });
        await (await scientist.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = points })).ExpectAsync(200);
        await (await scientist.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent(TinyOnnxModel.Bytes("x")))).ExpectAsync(200);
        await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions", new { runId = run })).ExpectAsync(201);
        await (await admin.PutJsonAsync($"/api/v1/models/{model}/approval-policies/Production", PrivateEnough)).ExpectAsync(200);
        return model;
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string model) =>
        client.PostJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Production", justification = "private enough" });
}
