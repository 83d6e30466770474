using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Governance.GovernanceRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Governance;

/// <summary>Who may decide and withdraw a request, the inbox, and what a closed request refuses, on one trained version.</summary>
[Collection(JobHostCollection.Name)]
public sealed class PromotionRulesTests(JobHost host)
{
    [Fact]
    public async Task Only_the_policys_approver_roles_decide_only_the_author_withdraws_and_a_closed_request_refuses_decisions()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var colleague = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        using var admin = await host.UserAsync("Admin");
        await SetPolicyAsync(admin.Client, "Staging", new { approverRoles = new[] { "Operator" }, requiredApprovals = 1, expiryHours = 24 });
        var model = "ruled-" + Guid.NewGuid().ToString("N")[..6];
        var run = await TrainAsync(scientist.Client, await TrainingRequests.UploadAsync(scientist.Client, "breast-cancer"), "Linear");
        await RegisterAsync(scientist.Client, model, run, 201);

        var withdrawn = (await RequestAsync(scientist.Client, model, 1, "Staging", 201))["id"]!.GetValue<string>();
        await RequestAsync(scientist.Client, model, 1, "Staging", 409); // one pending request per version and stage
        var inbox = await approver.Client.GetFromJsonAsync<JsonObject>($"/api/v1/promotions?status=Pending&model={model}");
        Assert.Equal(withdrawn, inbox!["items"]!.AsArray().Single()!["id"]!.GetValue<string>());
        await colleague.Client.PostAsync($"/api/v1/promotions/{withdrawn}/withdraw", null).ExpectAsync(403, "someone else withdraws");
        var closed = await scientist.Client.PostAsync($"/api/v1/promotions/{withdrawn}/withdraw", null).ExpectAsync(200, "the author withdraws");
        Assert.Equal("Withdrawn", closed["status"]!.GetValue<string>());
        await DecideAsync(operatorUser.Client, withdrawn, approve: true).ExpectAsync(409, "approving a withdrawn request");

        var open = (await RequestAsync(scientist.Client, model, 1, "Staging", 201))["id"]!.GetValue<string>();
        await DecideAsync(approver.Client, open, approve: true).ExpectAsync(403, "an Approver under an Operator-only policy");
        await DecideAsync(operatorUser.Client, open, approve: false).ExpectAsync(400, "a rejection without a comment");
        var approved = await DecideAsync(operatorUser.Client, open, approve: true).ExpectAsync(200, "the Operator approves");
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        Assert.Equal("Staging", await StageAsync(scientist.Client, model, 1));
        await scientist.Client.PostAsJsonAsync($"/api/v1/models/{model}/versions/1/stage", new { stage = "Production", reason = "skip the queue" })
            .ExpectAsync(400, "entering Production directly");
        var archived = await scientist.Client.PostAsJsonAsync($"/api/v1/models/{model}/versions/1/stage", new { stage = "Archived", reason = "superseded" })
            .ExpectAsync(200, "archiving");
        Assert.Equal(("Staging", "Archived"), (archived["from"]!.GetValue<string>(), archived["to"]!.GetValue<string>()));
        await RequestAsync(scientist.Client, model, 1, "Staging", 409); // an archived version stays archived
    }
}
