using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Governance;

/// <summary>
/// The governance must-show, scripted through the REST API with a data scientist and two approvers: a gate refuses a
/// version whose evaluation fails it and names the gate; two distinct approvals move the next version into Production
/// and archive the previous one; self-approval is 403; the audit trail lists every step with its actor and verifies,
/// and a row edited in the database is named.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class PromotionScenarioTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Gated_two_approver_promotion_to_production_archives_the_previous_version_and_is_audited()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var scientist = await host.UserAsync("DataScientist");
        using var alice = await host.UserAsync("Approver");
        using var bruno = await host.UserAsync("Approver");
        using var admin = await host.UserAsync("Admin");
        var (model, dataset) = ("scenario-" + Guid.NewGuid().ToString("N")[..6], "gated-" + Guid.NewGuid().ToString("N")[..6]);
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"));
        var good = await UploadCsvAsync(scientist.Client, dataset, csv);
        var flipped = await UploadCsvAsync(scientist.Client, dataset, FlippedLabels(csv));
        await SetPolicyAsync(admin.Client, "Production", new
        {
            approverRoles = new[] { "Approver" }, requiredApprovals = 2, gateDataset = dataset, gateSplit = "test",
            gates = new[] { new { metric = "rocAuc", @operator = "AtLeast", threshold = 0.8 } },
            regressionLimits = new[] { new { metric = "rocAuc", maxRegression = 0.05 } }, expiryHours = 24,
        });

        var run = await TrainAsync(scientist.Client, good, "LightGbm", dataset);
        await RegisterAsync(scientist.Client, model, run, 201);
        await RegisterAsync(scientist.Client, model, run, 201);
        await EvaluateAsync(scientist.Client, model, 1, dataset, good);
        var first = (await RequestAsync(scientist.Client, model, 1, "Production", 201))["id"]!.GetValue<string>();
        await Approve(alice, first, "Pending");
        await Approve(bruno, first, "Approved");
        Assert.Equal("Production", await StageAsync(scientist.Client, model, 1));

        await EvaluateAsync(scientist.Client, model, 2, dataset, flipped);
        var refused = await RequestAsync(scientist.Client, model, 2, "Production", 422);
        output.WriteLine(refused.ToJsonString());
        Assert.Contains("rocAuc >= 0.8", refused["failedGates"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Contains("rocAuc >= 0.8", refused["detail"]!.GetValue<string>());

        await EvaluateAsync(scientist.Client, model, 2, dataset, good);
        var second = await RequestAsync(scientist.Client, model, 2, "Production", 201);
        var secondId = second["id"]!.GetValue<string>();
        Assert.Equal(1, second["requestEvidence"]!["holderVersion"]!.GetValue<int>());
        Assert.Equal(403, (int)(await DecideAsync(scientist.Client, secondId, approve: true)).StatusCode);
        await Approve(alice, secondId, "Pending");
        Assert.Equal(409, (int)(await DecideAsync(alice.Client, secondId, approve: true)).StatusCode);
        var approved = await Approve(bruno, secondId, "Approved");
        Assert.True(approved["finalEvidence"]!["results"]!.AsArray().All(r => r!["passed"]!.GetValue<bool>()), approved.ToJsonString());

        Assert.Equal(("Production", "Archived"), (await StageAsync(scientist.Client, model, 2), await StageAsync(scientist.Client, model, 1)));
        var history = (await scientist.Client.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}/stage-history"))!["items"]!.AsArray();
        var moves = history.Select(t => $"{t!["version"]}:{t["from"]}->{t["to"]}").ToList();
        Assert.Equal(3, moves.Count);
        Assert.Equal(["1:Production->Archived", "2:Development->Production"], moves.Take(2).Order()); // one transaction
        Assert.Equal("1:Development->Production", moves[2]);
        Assert.All(history, t => Assert.Equal(bruno.Name, t!["actor"]!.GetValue<string>()));

        await CheckAuditTrailAsync(started, admin, scientist, alice, bruno);
    }

    private static async Task<JsonNode> Approve(SignedInUser approver, string requestId, string expectedStatus)
    {
        var body = await DecideAsync(approver.Client, requestId, approve: true, $"looked at the evidence ({approver.Name})").ExpectAsync(200, $"{approver.Name} approves");
        Assert.Equal(expectedStatus, body["status"]!.GetValue<string>());
        return body;
    }

    private async Task CheckAuditTrailAsync(DateTimeOffset started, SignedInUser admin, SignedInUser scientist, SignedInUser alice, SignedInUser bruno)
    {
        string[] governance = ["SetApprovalPolicy", "RegisterModelVersion", "RequestPromotion", "ApprovePromotion"];
        var people = new[] { admin, scientist, alice, bruno }.ToDictionary(u => u.Name, u => u == admin ? "admin" : u == scientist ? "scientist" : u == alice ? "alice" : "bruno");
        var trail = (await AuditSinceAsync(alice.Client, started))
            .Where(e => governance.Contains(e["action"]!.GetValue<string>()) && people.ContainsKey(e["actor"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [
                "admin:SetApprovalPolicy", "scientist:RegisterModelVersion", "scientist:RegisterModelVersion", "scientist:RequestPromotion",
                "alice:ApprovePromotion", "bruno:ApprovePromotion", "scientist:RequestPromotion", "alice:ApprovePromotion", "bruno:ApprovePromotion",
            ],
            trail.Select(e => $"{people[e["actor"]!.GetValue<string>()]}:{e["action"]}"));

        var intact = await VerifyWhenSealedAsync(alice.Client);
        Assert.True(intact["intact"]!.GetValue<bool>(), intact.ToJsonString());
        var victim = trail[^1]["sequence"]!.GetValue<long>();
        await SetAuditColumnAsync(host.DatabasePath, victim, "Actor", "mallory");
        try
        {
            var broken = await alice.Client.GetAsync("/api/v1/audit/verify").ExpectAsync(200, "verify after tampering");
            Assert.False(broken["intact"]!.GetValue<bool>());
            Assert.Equal(victim, broken["firstBrokenSequence"]!.GetValue<long>());
        }
        finally
        {
            await SetAuditColumnAsync(host.DatabasePath, victim, "Actor", bruno.Name); // the other tests share this host's trail
        }
    }
}
