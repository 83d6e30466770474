using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Application.Common.Interfaces;

namespace Platform.Api.Tests.Notifications;

/// <summary>
/// The registry's and governance's events as subscribers receive them: raised by the entities, mapped to typed
/// payloads in one place, stored with the change. Pins each type's fields (what webhook receivers read) and that one
/// change is told once.
/// </summary>
public sealed class IntegrationEventPayloadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Registering_archiving_requesting_withdrawing_and_approving_each_store_one_event_with_its_payload()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        using var approver = await factory.UserAsync("Approver");
        var model = "payloads-" + Guid.NewGuid().ToString("N")[..6];
        await scientist.RegisterVersionAsync(model);
        await scientist.RegisterVersionAsync(model);
        await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/2/stage", new { stage = "Archived", reason = "superseded" })).ExpectAsync(200);
        var withdrawn = await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Staging", justification = "ready" })).ExpectAsync(201);
        await (await scientist.PostAsync($"/api/v1/promotions/{withdrawn["id"]}/withdraw", null)).ExpectAsync(200);
        var approved = await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Staging", justification = "ready now" })).ExpectAsync(201);
        await (await approver.PostJsonAsync($"/api/v1/promotions/{approved["id"]}/approve", new { comment = "checked" })).ExpectAsync(200);

        var events = await EventsAsync(model);

        Assert.Equal(
            ["model.version.created", "model.version.created", "model.stage.changed", "promotion.requested", "promotion.withdrawn", "promotion.requested"],
            events.Take(6).Select(e => e.Type));
        // Within one save, events are told in the order they happened: the decision, then the stage it caused.
        Assert.Equal(["promotion.approved", "model.stage.changed"], events.Skip(6).Select(e => e.Type));
        var created = events.First(e => e.Type == "model.version.created").Data;
        Assert.Equal(["artifactSha256", "createdBy", "model", "version"], Keys(created));
        Assert.Equal((model, 1), (created["model"]!.GetValue<string>(), created["version"]!.GetValue<int>()));
        Assert.Equal(64, created["artifactSha256"]!.GetValue<string>().Length);

        var stages = events.Where(e => e.Type == "model.stage.changed").Select(e => e.Data).ToList();
        Assert.All(stages, s => Assert.Equal(["actor", "from", "model", "reason", "requestId", "to", "version"], Keys(s)));
        Assert.Equal(
            ["v2 Development→Archived superseded request:no", $"v1 Development→Staging ready now request:{approved["id"]}"],
            stages.Select(s => $"v{s["version"]} {s["from"]}→{s["to"]} {s["reason"]} request:{s["requestId"]?.GetValue<string>() ?? "no"}"));

        var (author, decider) = (await NameAsync(scientist), await NameAsync(approver));
        var promotions = events.Where(e => e.Type.StartsWith("promotion.", StringComparison.Ordinal)).Select(e => (e.Type, e.Data)).ToList();
        Assert.All(promotions, p => Assert.Equal(["actor", "comment", "model", "requestId", "status", "targetStage", "version"], Keys(p.Data)));
        Assert.Equal(
            [
                $"promotion.requested {withdrawn["id"]} Pending by {author} ",
                $"promotion.withdrawn {withdrawn["id"]} Withdrawn by {author} ",
                $"promotion.requested {approved["id"]} Pending by {author} ",
                $"promotion.approved {approved["id"]} Approved by {decider} checked",
            ],
            promotions.Select(p => $"{p.Type} {p.Data["requestId"]} {p.Data["status"]} by {p.Data["actor"]} {p.Data["comment"]?.GetValue<string>()}"));
    }

    [Fact]
    public async Task An_approval_that_replaces_the_stage_holder_tells_the_decision_then_the_archive_then_the_promotion()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        using var approver = await factory.UserAsync("Approver");
        var model = "holders-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var version in new[] { 1, 2 })
        {
            await scientist.RegisterVersionAsync(model);
            var request = await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/{version}/promotions", new { targetStage = "Staging", justification = "ready" })).ExpectAsync(201);
            await (await approver.PostJsonAsync($"/api/v1/promotions/{request["id"]}/approve", new { comment = "ok" })).ExpectAsync(200);
        }

        var events = await EventsAsync(model);

        Assert.Equal(
            ["promotion.approved v2", "model.stage.changed v1 Staging→Archived", "model.stage.changed v2 Development→Staging"],
            events.SkipWhile(e => !(e.Type == "promotion.approved" && e.Data["version"]!.GetValue<int>() == 2))
                .Select(e => e.Type == "model.stage.changed" ? $"{e.Type} v{e.Data["version"]} {e.Data["from"]}→{e.Data["to"]}" : $"{e.Type} v{e.Data["version"]}"));
    }

    private static async Task<string> NameAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();

    private static string[] Keys(JsonObject o) => [.. o.Select(p => p.Key).Order(StringComparer.Ordinal)];

    private async Task<List<(string Type, JsonObject Data)>> EventsAsync(string model)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IPlatformDbContext>().PlatformEvents
            .Where(e => e.PayloadJson.Contains(model)).OrderBy(e => e.Sequence).Select(e => new { e.Type, e.PayloadJson }).ToListAsync();
        return [.. rows.Select(r => (r.Type, JsonNode.Parse(r.PayloadJson)!.AsObject()))];
    }
}
