using Platform.Domain.Common;
using Platform.Domain.Notifications;

namespace Platform.Domain.Tests.Notifications;

public sealed class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);
    private static readonly Uri Url = new("https://example.test/hook");

    [Fact]
    public void A_subscription_with_no_event_types_wants_every_event()
    {
        var subscription = WebhookSubscription.Create("all", Url, [], "admin", Now);

        Assert.All(EventTypes.All, type => Assert.True(subscription.Wants(type), $"does not want {type}"));
    }

    [Fact]
    public void A_subscription_wants_only_the_types_it_names()
    {
        var subscription = WebhookSubscription.Create("promotions", Url, [EventTypes.PromotionRequested, EventTypes.PromotionApproved], "admin", Now);

        Assert.True(subscription.Wants(EventTypes.PromotionApproved));
        Assert.False(subscription.Wants(EventTypes.ModelVersionCreated));
        Assert.False(subscription.Wants("promotion"), "a prefix of a type is not the type");
    }

    [Fact]
    public void An_inactive_subscription_wants_nothing()
    {
        var subscription = WebhookSubscription.Create("off", Url, [], "admin", Now);

        subscription.Change(Url, [], active: false);

        Assert.False(subscription.Wants(EventTypes.ModelVersionCreated));
    }

    [Fact]
    public void Change_stores_the_types_once_each_in_order()
    {
        var subscription = WebhookSubscription.Create("x", Url, [], "admin", Now);

        subscription.Change(new Uri("http://receiver.test/v2"), [EventTypes.StageChanged, EventTypes.ModelVersionCreated, EventTypes.StageChanged], true);

        Assert.Equal("model.stage.changed model.version.created", subscription.EventTypes);
        Assert.Equal("http://receiver.test/v2", subscription.Url);
    }

    [Theory]
    [InlineData("ftp://example.test/hook")]
    [InlineData("file:///etc/passwd")]
    public void Change_rejects_a_url_that_is_not_http_or_https(string url)
    {
        var subscription = WebhookSubscription.Create("x", Url, [], "admin", Now);

        var error = Assert.Throws<DomainException>(() => subscription.Change(new Uri(url), [], true));

        Assert.Equal("webhook.url", error.Code);
    }

    [Fact]
    public void Change_rejects_an_unknown_event_type_and_keeps_the_old_settings()
    {
        var subscription = WebhookSubscription.Create("x", Url, [EventTypes.PromotionRequested], "admin", Now);

        var error = Assert.Throws<DomainException>(() => subscription.Change(new Uri("https://other.test"), ["model.deleted"], true));

        Assert.Equal("webhook.event", error.Code);
        Assert.Equal(EventTypes.PromotionRequested, subscription.EventTypes);
        Assert.Equal(Url.OriginalString, subscription.Url);
    }

    [Fact]
    public void Rotating_the_secret_moves_to_the_next_version()
    {
        var subscription = WebhookSubscription.Create("x", Url, [], "admin", Now);

        subscription.RotateSecret();

        Assert.Equal(2, subscription.SecretVersion);
    }
}
