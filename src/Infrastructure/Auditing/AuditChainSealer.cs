using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Domain.Auditing;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Auditing;

/// <summary>
/// Seals recorded audit events into their chain (each workspace's, and the platform's), in sequence order, about a
/// second after they were recorded: only up to the highest sequence seen on the previous pass, so that a transaction
/// that took its sequence number earlier but committed later is not skipped. Sealing is deterministic, so two Api replicas sealing at once agree.
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
        var chains = await db.AuditEvents.Where(e => e.Hash == null && e.Sequence <= upTo).Select(e => e.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        foreach (var chain in chains)
        {
            await SealChainAsync(db, chain, upTo, cancellationToken);
        }

        return highest;
    }

    /// <summary>Seals one chain's pending events (a workspace's, or the platform's for null) onto its last sealed one.</summary>
    private static async Task SealChainAsync(PlatformDbContext db, Guid? chain, long upTo, CancellationToken cancellationToken)
    {
        while (true)
        {
            var inChain = db.AuditEvents.Where(e => e.WorkspaceId == chain);
            var last = await inChain.AsNoTracking().Where(e => e.Hash != null).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var from = last?.Sequence ?? 0;
            var pending = await inChain.Where(e => e.Hash == null && e.Sequence > from && e.Sequence <= upTo)
                .OrderBy(e => e.Sequence).Take(Batch).ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                return;
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
