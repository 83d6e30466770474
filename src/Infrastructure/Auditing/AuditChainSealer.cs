using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Domain.Auditing;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Auditing;

/// <summary>
/// Seals recorded audit events into the hash chain, in sequence order, about a second after they were recorded: only
/// up to the highest sequence seen on the previous pass, so that a transaction that took its sequence number earlier
/// but committed later is not skipped. Sealing is deterministic, so two Api replicas sealing at once agree.
/// </summary>
internal sealed class AuditChainSealer(IServiceScopeFactory scopes, ILogger<AuditChainSealer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int Batch = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long sealUpTo = 0;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                sealUpTo = await SealAsync(sealUpTo, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not seal audit events yet: {Error}", e.Message);
            }
        }
    }

    /// <returns>The highest sequence recorded now: the limit of the next pass.</returns>
    public async Task<long> SealAsync(long upTo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var highest = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        while (true)
        {
            var last = await db.AuditEvents.AsNoTracking().Where(e => e.Hash != null).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var from = last?.Sequence ?? 0;
            var pending = await db.AuditEvents.Where(e => e.Hash == null && e.Sequence > from && e.Sequence <= upTo)
                .OrderBy(e => e.Sequence).Take(Batch).ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                return highest;
            }

            var previous = last?.Hash ?? AuditEvent.Genesis;
            foreach (var audit in pending)
            {
                audit.Seal(previous);
                previous = audit.Hash!;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
