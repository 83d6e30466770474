using System.Net;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Admin;

public sealed class WebhookPagesTests : AdminPageContext
{
    private const string Secret = "whsec_4f1b2c3d4e5f60718293a4b5c6d7e8f9";

    private static readonly WebhookInfo Hook = new(Guid.NewGuid(), "ci", "https://ci.example.com/hook", ["promotion.approved"], true, 1, "root", DateTimeOffset.UnixEpoch);

    private static readonly WebhookDeliveryInfo Failed = new(
        Guid.NewGuid(), Hook.Id, Guid.NewGuid(), "promotion.approved", "Pending", 3, 503, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1), new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), null);

    [Fact]
    public void A_new_webhooks_secret_is_shown_once_and_the_events_picked_are_sent()
    {
        var held = new List<WebhookInfo>();
        Api.On(HttpMethod.Get, "/api/v1/webhooks", () => new Page<WebhookInfo>([.. held], null));
        Api.On(HttpMethod.Post, "/api/v1/webhooks", () =>
        {
            held.Add(Hook);
            return new WebhookWithSecret(Hook, Secret);
        }, HttpStatusCode.Created);
        var page = RenderSignedIn<Webhooks>("Admin");
        page.Find("#webhook-name").Change("ci");
        page.Find("#webhook-url").Change("https://ci.example.com/hook");
        Tick(page, "webhook-events", "promotion.approved");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(Secret, page.Find("#secret-value").GetAttribute("value")));
        var sent = Assert.Single(Api.BodiesOf(HttpMethod.Post, "/api/v1/webhooks"));
        Assert.Equal(["promotion.approved"], sent.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Button(page, "I have copied it").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        page.WaitForAssertion(() => Assert.Contains("https://ci.example.com/hook", page.Markup));
        Assert.DoesNotContain(Secret, page.Markup);
    }

    [Fact]
    public void The_delivery_log_shows_status_last_answer_and_next_attempt_and_re_sends()
    {
        Api.On(HttpMethod.Get, $"/api/v1/webhooks/{Hook.Id}", () => Hook);
        Api.On(HttpMethod.Get, $"/api/v1/webhooks/{Hook.Id}/deliveries", () => new Page<WebhookDeliveryInfo>([Failed], null));
        Api.On(HttpMethod.Post, $"/api/v1/webhooks/{Hook.Id}/deliveries/{Failed.Id}/redeliver", () => Failed with { Attempts = 4 });
        var page = RenderSignedIn<WebhookDeliveries>("Admin", Hook.Id);

        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=delivery-status]").TextContent));
        Assert.Contains("2026-11-24 02:00:00Z", page.Find("td[data-label='Next attempt']").TextContent);
        Assert.Equal("503", page.Find("td[data-label='Last answer']").TextContent.Trim());
        Button(page, "Re-send").Click();

        page.WaitForAssertion(() => Assert.Contains(Api.Sent, s => s.Method == HttpMethod.Post && s.Path.EndsWith($"/deliveries/{Failed.Id}/redeliver", StringComparison.Ordinal)));
        Assert.Contains("Deliveries of ci", page.Markup);
    }
}
