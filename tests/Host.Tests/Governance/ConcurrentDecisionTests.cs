using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Governance;

/// <summary>
/// 50 approve and reject calls on one request at once, from five approvers: exactly one final outcome, every other
/// call refused with 409 (never a 500), the version's stage and the audit trail agreeing with that outcome.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class ConcurrentDecisionTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Fifty_concurrent_decisions_give_exactly_one_outcome_that_the_stage_and_audit_trail_agree_with()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var admin = await host.UserAsync("Admin");
        var approvers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.UserAsync("Approver")));
        await SetPolicyAsync(admin.Client, "Staging", new { approverRoles = new[] { "Approver" }, requiredApprovals = 2, expiryHours = 24 });
        var model = "raced-" + Guid.NewGuid().ToString("N")[..6];
        var run = await TrainAsync(scientist.Client, await TrainingRequests.UploadAsync(scientist.Client, "breast-cancer"), "Linear");
        await RegisterAsync(scientist.Client, model, run, 201);
        var requestId = (await RequestAsync(scientist.Client, model, 1, "Staging", 201))["id"]!.GetValue<string>();

        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await DecideAsync(approvers[i % 5].Client, requestId, approve: i % 3 != 0, $"call {i}");
            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }).ToList();
        start.Release(50);
        var answers = await Task.WhenAll(calls);
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.Item1).Select(g => $"{g.Key}: {g.Count()}")));

        Assert.All(answers, a => Assert.True(a.Item1 is 200 or 409, $"{a.Item1}: {a.Item2}"));
        var accepted = answers.Where(a => a.Item1 == 200).Select(a => a.Item2).ToList();
        var final = accepted.Where(a => a["status"]!.GetValue<string>() != "Pending").ToList();
        var outcome = Assert.Single(final)["status"]!.GetValue<string>();
        var request = await scientist.Client.GetFromJsonAsync<JsonObject>($"/api/v1/promotions/{requestId}");
        Assert.Equal(outcome, request!["status"]!.GetValue<string>());
        var decisions = request["decisions"]!.AsArray();
        Assert.Equal(accepted.Count, decisions.Count);
        Assert.Equal(outcome == "Approved" ? "Staging" : "Development", await StageAsync(scientist.Client, model, 1));
        if (outcome == "Approved")
        {
            Assert.Equal(2, decisions.Select(d => d!["actor"]!.GetValue<string>()).Distinct().Count());
            Assert.All(decisions, d => Assert.True(d!["approved"]!.GetValue<bool>()));
        }
        else
        {
            Assert.Single(decisions, d => !d!["approved"]!.GetValue<bool>());
        }

        var trail = (await approvers[0].Client.GetFromJsonAsync<JsonObject>($"/api/v1/audit?entityType=PromotionRequest&entityId={requestId}&limit=500"))!["items"]!
            .AsArray().Select(e => e!["action"]!.GetValue<string>()).Reverse().ToList();
        Assert.Equal(["RequestPromotion", .. Enumerable.Repeat("ApprovePromotion", accepted.Count - 1), outcome == "Approved" ? "ApprovePromotion" : "RejectPromotion"], trail);
    }
}
