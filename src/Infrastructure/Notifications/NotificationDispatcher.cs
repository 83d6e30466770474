using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Notifications;
using Platform.Domain.Notifications;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Takes undispatched platform events in sequence order, creates one webhook delivery per active subscription that
/// wants each, marks them dispatched (one save per batch), then pushes them to live watchers. A batch is claimed by a
/// conditional update in the same transaction, so a second api replica's dispatcher skips it rather than pushing it
/// twice (and the unique subscription/event key would refuse a second delivery anyway). These are the platform's own
/// writes, outside any command: the audit trail does not record them.
/// </summary>
internal sealed class NotificationDispatcher(
    IServiceScopeFactory scopes, INotificationPush push, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                int dispatched;
                do
                {
                    dispatched = await DispatchBatchAsync(stoppingToken);
                }
                while (dispatched == BatchSize);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Notification dispatch failed; retrying shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many events this pass dispatched.</returns>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var events = await db.PlatformEvents.AsNoTracking().Where(e => e.DispatchedAt == null)
            .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        var dtos = events.Select(PlatformEventDto.From).ToList();
        var claimed = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            () => ClaimAndFanOutAsync(db, events, dtos, subscriptions, cancellationToken));
        if (!claimed)
        {
            return 0;
        }

        foreach (var dto in dtos)
        {
            try
            {
                await push.PushAsync(dto, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not push event {EventId} ({Type}) to live watchers", dto.Id, dto.Type);
            }
        }

        return events.Count;
    }

    private async Task<bool> ClaimAndFanOutAsync(
        PlatformDbContext db, List<PlatformEvent> events, List<PlatformEventDto> dtos, List<WebhookSubscription> subscriptions, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var sequences = events.Select(e => e.Sequence).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.PlatformEvents.Where(e => sequences.Contains(e.Sequence) && e.DispatchedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.DispatchedAt, (DateTimeOffset?)now), ct);
        if (marked != events.Count)
        {
            // Another dispatcher holds some of them; what is left is seen on the next pass.
            await transaction.RollbackAsync(ct);
            return false;
        }

        for (var i = 0; i < events.Count; i++)
        {
            var body = dtos[i].ToJson();
            foreach (var subscription in subscriptions.Where(s => s.WorkspaceId == events[i].WorkspaceId && s.Wants(events[i].Type)))
            {
                db.WebhookDeliveries.Add(WebhookDelivery.For(subscription, events[i], body, now));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
