using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Domain.Notifications;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Posts due pending deliveries of active subscriptions, a few at once, and records each attempt in the delivery log
/// (success, or the error and the next attempt after back-off). Before posting, a delivery is leased by moving its next
/// attempt past the timeout with a conditional update, so that another api replica's sender does not post it too.
/// Like the dispatcher's, these writes are the platform's own and not audited.
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes, WebhookPoster poster, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
    : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Webhook sending failed; retrying shortly");
            }
        }
    }

    /// <returns>How many deliveries were due.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        List<DueDelivery> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var now = clock.GetUtcNow();
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .Join(db.WebhookSubscriptions.Where(s => s.Active), d => d.SubscriptionId, s => s.Id, (d, s) => new { Delivery = d, Subscription = s })
                .OrderBy(x => x.Delivery.NextAttemptAt).Take(BatchSize)
                .Select(x => new DueDelivery(
                    x.Delivery.Id, x.Delivery.NextAttemptAt, x.Delivery.EventType, x.Delivery.PayloadJson, x.Subscription.Id, x.Subscription.Url, x.Subscription.SecretVersion))
                .ToListAsync(cancellationToken);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxParallelDeliveries), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (delivery, ct) => await DeliverAsync(delivery, ct));
        return due.Count;
    }

    private async Task DeliverAsync(DueDelivery due, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var leasedUntil = clock.GetUtcNow() + settings.Timeout + LeaseMargin;
        var leased = await db.WebhookDeliveries
            .Where(d => d.Id == due.Id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt == due.NextAttemptAt)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, leasedUntil), cancellationToken);
        if (leased == 0)
        {
            return;
        }

        var attempt = await poster.PostAsync(due, cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == due.Id, CancellationToken.None);
        if (delivery is null)
        {
            return; // its subscription was deleted meanwhile
        }

        var now = clock.GetUtcNow();
        if (attempt.Succeeded)
        {
            delivery.Succeeded(attempt.StatusCode!.Value, now);
        }
        else
        {
            delivery.AttemptFailed(attempt.StatusCode, attempt.Error!, now, settings.FirstRetry, settings.MaxAttempts);
            logger.LogInformation(
                "Webhook delivery {DeliveryId} of {EventType} to subscription {SubscriptionId} failed (attempt {Attempt}): {Error}",
                due.Id, due.EventType, due.SubscriptionId, delivery.Attempts, attempt.Error);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
