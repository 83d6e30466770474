using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Artifacts;

/// <summary>
/// Removes blobs that nothing refers to — left by an upload that failed after storing its content (a dataset file
/// that did not parse, a request cut off before its commit) — once they are older than
/// <see cref="ArtifactOptions.OrphanGraceHours"/>, so that an upload still between storing and committing is never
/// touched. Runs an hour after start-up and then every <see cref="ArtifactOptions.SweepIntervalMinutes"/>.
/// </summary>
internal sealed class OrphanBlobSweeper(
    IServiceScopeFactory scopes, IArtifactStore store, IOptions<ArtifactOptions> options, TimeProvider clock, ILogger<OrphanBlobSweeper> logger)
    : BackgroundService
{
    public static async Task<int> SweepAsync(IPlatformDbContext db, IBlobInventory blobs, DateTimeOffset storedBefore, CancellationToken cancellationToken)
    {
        var candidates = blobs.StoredBefore(storedBefore).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var referenced = (await db.Artifacts.Select(a => a.Sha256).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.DatasetVersions.Select(v => v.Sha256).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var orphans = candidates.Where(sha => !referenced.Contains(sha)).ToList();
        orphans.ForEach(blobs.Delete);
        return orphans.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not IBlobInventory blobs)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepIntervalMinutes));
        await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IPlatformDbContext>();
                var removed = await SweepAsync(db, blobs, clock.GetUtcNow().AddHours(-options.Value.OrphanGraceHours), stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} blob(s) that nothing refers to", removed);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Orphan blob sweep failed; trying again next time");
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }
}
