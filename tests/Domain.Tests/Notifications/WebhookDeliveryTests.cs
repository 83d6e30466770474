using Platform.Domain.Notifications;

namespace Platform.Domain.Tests.Notifications;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);

    [Fact]
    public void A_new_delivery_is_pending_and_due_at_once()
    {
        var delivery = NewDelivery();

        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(0, delivery.Attempts);
        Assert.Equal(Now, delivery.NextAttemptAt);
    }

    [Fact]
    public void Each_failed_attempt_doubles_the_wait_from_the_first_retry()
    {
        var delivery = NewDelivery();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var at = Now.AddMinutes(i);
            delivery.AttemptFailed(503, "HTTP 503", at, FirstRetry, maxAttempts: 10);
            waits.Add(delivery.NextAttemptAt - at);
        }

        Assert.Equal([5, 10, 20, 40], waits.Select(w => w.TotalSeconds));
        Assert.Equal(4, delivery.Attempts);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(503, delivery.LastStatusCode);
    }

    [Fact]
    public void The_wait_never_exceeds_an_hour()
    {
        var delivery = NewDelivery();
        for (var i = 0; i < 15; i++)
        {
            delivery.AttemptFailed(null, "refused", Now, FirstRetry, maxAttempts: 100);
        }

        Assert.Equal(TimeSpan.FromHours(1), delivery.NextAttemptAt - Now);
    }

    [Fact]
    public void It_gives_up_after_the_last_allowed_attempt_and_keeps_the_error()
    {
        var delivery = NewDelivery();
        delivery.AttemptFailed(null, "Connection refused", Now, FirstRetry, maxAttempts: 2);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);

        delivery.AttemptFailed(null, "Connection refused", Now.AddSeconds(5), FirstRetry, maxAttempts: 2);

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal("Connection refused", delivery.LastError);
        Assert.Null(delivery.LastStatusCode);
    }

    [Fact]
    public void A_long_error_is_cut_to_the_column_length()
    {
        var delivery = NewDelivery();
        delivery.AttemptFailed(500, new string('x', 2000), Now, FirstRetry, maxAttempts: 10);

        Assert.Equal(WebhookDelivery.MaxErrorLength, delivery.LastError!.Length);
    }

    [Fact]
    public void Success_after_failures_clears_the_error_and_counts_the_attempt()
    {
        var delivery = NewDelivery();
        delivery.AttemptFailed(null, "refused", Now, FirstRetry, maxAttempts: 10);

        delivery.Succeeded(204, Now.AddSeconds(5));

        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
        Assert.Null(delivery.LastError);
        Assert.Equal(204, delivery.LastStatusCode);
        Assert.Equal(Now.AddSeconds(5), delivery.DeliveredAt);
    }

    [Fact]
    public void Redelivering_a_failed_delivery_makes_it_pending_and_due_now()
    {
        var delivery = NewDelivery();
        delivery.AttemptFailed(null, "refused", Now, FirstRetry, maxAttempts: 1);

        delivery.Redeliver(Now.AddHours(2));

        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now.AddHours(2), delivery.NextAttemptAt);
    }

    private static WebhookDelivery NewDelivery()
    {
        var subscription = WebhookSubscription.Create("ci", new Uri("https://example.test/hook"), [], "admin", Now);
        var platformEvent = PlatformEvent.Raise(Platform.Domain.Workspaces.Workspace.DefaultId, EventTypes.ModelVersionCreated, "{}", Now);
        return WebhookDelivery.For(subscription, platformEvent, "{}", Now);
    }
}
