using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;
using Platform.Infrastructure.Observability;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Messaging.Outbox;

/// <summary>
/// Sends committed outbox messages in order, at once when woken by <see cref="OutboxSignal"/> and every second in
/// any case; after a restart it resumes with whatever is unsent. Delivery is at least once (a crash between send
/// and mark re-sends), which idempotent consumers make safe.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOptions<BusOptions> busOptions, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KeepSent = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureTopologyAsync(stoppingToken);
        var nextCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await DispatchBatchAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    await DeleteOldAsync(stoppingToken);
                    nextCleanup = clock.GetUtcNow().AddMinutes(10);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox dispatch failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }

            if (sent < BatchSize)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task EnsureTopologyAsync(CancellationToken stoppingToken)
    {
        if (busOptions.Value.Transport != BusTransport.RabbitMq)
        {
            return;
        }

        while (true)
        {
            try
            {
                await RabbitMqJobQueues.DeclareAsync(busOptions.Value, stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Cannot declare the job queues on RabbitMQ yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var batch = await db.OutboxMessages.Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(stoppingToken);
        var sent = 0;
        foreach (var message in batch)
        {
            try
            {
                await SendAsync(message, stoppingToken);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Stop at the first failure, so that messages keep their order; the rest go next time.
                message.MarkFailed(e.Message);
                logger.LogWarning(e, "Could not send outbox message {Id} ({Type}); will retry", message.Id, message.MessageType);
                break;
            }
        }

        if (batch.Count > 0)
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent == batch.Count ? sent : 0;
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        var type = typeof(RunJob).Assembly.GetType(message.MessageType)
            ?? throw new InvalidOperationException($"Unknown message type {message.MessageType}");
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)!;
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Telemetry.Source.StartActivity($"outbox send {type.Name}", ActivityKind.Producer, parent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(SendTimeout);
        if (message.Destination is null)
        {
            await bus.Publish(body, type, timeout.Token);
        }
        else
        {
            var endpoint = await bus.GetSendEndpoint(RabbitMqJobQueues.AddressOf(busOptions.Value, message.Destination));
            await endpoint.Send(body, type, timeout.Token);
        }
    }

    private async Task DeleteOldAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var before = clock.GetUtcNow() - KeepSent;
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(stoppingToken);
    }
}
