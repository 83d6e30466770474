using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Notifications;

/// <summary>
/// Webhooks end to end: registering a model version raises model.version.created, the dispatcher creates a delivery,
/// and the sender POSTs it signed to a real receiver; while the receiver is down, the delivery log shows each failed
/// attempt and when the next comes (first retry after 1 s here).
/// </summary>
public sealed class WebhookDeliveryTests : IClassFixture<WebhookDeliveryTests.Factory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private readonly Factory _factory;

    public WebhookDeliveryTests(Factory factory) => _factory = factory;

    public sealed class Factory : ApiFactory
    {
        public Factory()
        {
            With("Notifications:FirstRetrySeconds", "1");
            With("Notifications:PollIntervalMilliseconds", "100");
            With("Notifications:TimeoutSeconds", "5");
        }
    }

    [Fact]
    public async Task A_delivery_fails_while_the_receiver_is_down_then_arrives_signed_once_it_listens()
    {
        using var admin = await _factory.AdminAsync();
        var port = WebhookReceiver.FreePort();
        var model = "webhooked-" + Guid.NewGuid().ToString("N")[..6];
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", new
        {
            name = "receiver", url = $"http://127.0.0.1:{port}/hooks/platform", eventTypes = new[] { "model.version.created" },
        })).ExpectAsync(201);
        var webhook = created["subscription"]!["id"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();

        await admin.RegisterVersionAsync(model);

        var failing = await WaitForDeliveryAsync(admin, webhook, d => d["attempts"]!.GetValue<int>() >= 1, "a failed attempt");
        Assert.Equal("Pending", failing["status"]!.GetValue<string>());
        Assert.Contains("refused", failing["lastError"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(failing["lastStatusCode"]);
        Assert.True(failing["lastAttemptAt"] is not null, $"no last attempt time: {failing}");
        Assert.True(
            failing["nextAttemptAt"]!.GetValue<DateTimeOffset>() > failing["lastAttemptAt"]!.GetValue<DateTimeOffset>(),
            $"the next attempt is not after the last: {failing}");

        await using var receiver = new WebhookReceiver(port, secret);
        await receiver.StartAsync();
        var delivered = await WaitForDeliveryAsync(admin, webhook, d => d["status"]!.GetValue<string>() == "Delivered", "the delivery");

        Assert.True(delivered["attempts"]!.GetValue<int>() > 1, $"delivered at the first attempt although the receiver was down: {delivered}");
        Assert.Equal(204, delivered["lastStatusCode"]!.GetValue<int>());
        Assert.Null(delivered["lastError"]);
        var received = Assert.Single(receiver.Received);
        Assert.True(received.SignatureValid, $"the receiver could not verify the signature: {received.Headers["X-Platform-Signature"]}");
        Assert.Equal("model.version.created", received.Headers["X-Platform-Event"]);
        Assert.Equal(delivered["id"]!.GetValue<string>(), received.Headers["X-Platform-Delivery"]);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("model.version.created", body["type"]!.GetValue<string>());
        Assert.Equal(delivered["eventId"]!.GetValue<string>(), body["id"]!.GetValue<string>());
        Assert.Equal(model, body["data"]!["model"]!.GetValue<string>());
        Assert.Equal(1, body["data"]!["version"]!.GetValue<int>());

        var audited = await (await admin.GetAsync($"/api/v1/audit?entityType=WebhookDelivery&entityId={delivered["id"]}")).ExpectAsync(200);
        Assert.True(audited["items"]!.AsArray().Count == 0, $"the sender's own writes were audited as commands: {audited}");

        var timestamp = received.Headers["X-Platform-Timestamp"];
        var signature = received.Headers["X-Platform-Signature"];
        Assert.True(WebhookReceiver.Verify(secret, timestamp, received.Body, signature), "the verifier rejects the genuine delivery");
        Assert.False(WebhookReceiver.Verify(secret, timestamp, received.Body.Replace(model, model + "x", StringComparison.Ordinal), signature), "a tampered body verified");
        Assert.False(WebhookReceiver.Verify(secret + "x", timestamp, received.Body, signature), "the wrong secret verified");
        Assert.False(WebhookReceiver.Verify(secret, (long.Parse(timestamp) + 1).ToString(), received.Body, signature), "another timestamp verified");
    }

    [Fact]
    public async Task Redelivering_sends_a_delivered_event_again()
    {
        using var admin = await _factory.AdminAsync();
        var port = WebhookReceiver.FreePort();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "replayed", url = $"http://127.0.0.1:{port}/hooks/platform" })).ExpectAsync(201);
        var webhook = created["subscription"]!["id"]!.GetValue<string>();
        await using var receiver = new WebhookReceiver(port, created["secret"]!.GetValue<string>());
        await receiver.StartAsync();
        await admin.RegisterVersionAsync("replayed-" + Guid.NewGuid().ToString("N")[..6]);
        var first = await WaitForDeliveryAsync(admin, webhook, d => d["status"]!.GetValue<string>() == "Delivered", "the first delivery");

        var pending = await (await admin.PostAsync($"/api/v1/webhooks/{webhook}/deliveries/{first["id"]}/redeliver", null)).ExpectAsync(200);
        var again = await WaitForDeliveryAsync(admin, webhook, d => d["attempts"]!.GetValue<int>() == 2 && d["status"]!.GetValue<string>() == "Delivered", "the redelivery");

        Assert.Equal("Pending", pending["status"]!.GetValue<string>());
        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid, "a redelivery's signature did not verify"));
        Assert.Single(receiver.Received.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task Promotion_and_stage_events_reach_a_subscribed_receiver_signed()
    {
        using var admin = await _factory.AdminAsync();
        using var scientist = await _factory.UserAsync("DataScientist");
        using var approver = await _factory.UserAsync("Approver");
        var port = WebhookReceiver.FreePort();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", new
        {
            name = "governance", url = $"http://127.0.0.1:{port}/hooks/platform",
            eventTypes = new[] { "promotion.requested", "promotion.approved", "promotion.rejected", "model.stage.changed" },
        })).ExpectAsync(201);
        await using var receiver = new WebhookReceiver(port, created["secret"]!.GetValue<string>());
        await receiver.StartAsync();
        var model = "governed-" + Guid.NewGuid().ToString("N")[..6];
        await scientist.RegisterVersionAsync(model);
        await scientist.RegisterVersionAsync(model);

        foreach (var (version, approve) in new[] { (1, true), (2, false) })
        {
            var request = await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/{version}/promotions", new { targetStage = "Staging", justification = "ready" })).ExpectAsync(201);
            await (await approver.PostJsonAsync($"/api/v1/promotions/{request["id"]}/{(approve ? "approve" : "reject")}", new { comment = "checked" })).ExpectAsync(200);
        }

        var until = DateTime.UtcNow + Deadline;
        while (receiver.Received.Count < 5 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid, "a signature did not verify"));
        var events = receiver.Received.Select(r => JsonNode.Parse(r.Body)!).Select(e => $"{e["type"]} v{e["data"]!["version"]}").Order().ToList();
        Assert.Equal(["model.stage.changed v1", "promotion.approved v1", "promotion.rejected v2", "promotion.requested v1", "promotion.requested v2"], events);
    }

    [Fact]
    public async Task A_subscription_that_does_not_want_the_event_gets_no_delivery()
    {
        using var admin = await _factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", new
        {
            name = "promotions only", url = "http://127.0.0.1:9/unused", eventTypes = new[] { "promotion.requested" },
        })).ExpectAsync(201);
        var webhook = created["subscription"]!["id"]!.GetValue<string>();
        var wanting = await (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "all", url = "http://127.0.0.1:9/unused" })).ExpectAsync(201);

        await admin.RegisterVersionAsync("unwanted-" + Guid.NewGuid().ToString("N")[..6]);
        await WaitForDeliveryAsync(admin, wanting["subscription"]!["id"]!.GetValue<string>(), _ => true, "the other subscription's delivery");

        var deliveries = await (await admin.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ExpectAsync(200);
        Assert.Empty(deliveries["items"]!.AsArray());
    }

    private static async Task<JsonNode> WaitForDeliveryAsync(HttpClient admin, string webhook, Func<JsonNode, bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        JsonNode? last = null;
        while (DateTime.UtcNow < until)
        {
            last = await (await admin.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ExpectAsync(200);
            if (last["items"]!.AsArray().FirstOrDefault() is { } delivery && condition(delivery))
            {
                return delivery;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Timed out waiting for {what}; delivery log: {last}");
        return null!;
    }
}
