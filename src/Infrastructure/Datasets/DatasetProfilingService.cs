using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Interfaces;
using Platform.Application.Datasets.Commands.FailDatasetProfiling;
using Platform.Application.Datasets.Commands.ProfileDatasetVersion;
using Platform.Domain.Datasets;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Datasets;

/// <summary>
/// Profiles the dataset versions uploaded with <c>Prefer: respond-async</c>, one at a time (memory stays that of one
/// file's profile). At start it queues again every version still Profiling, oldest first: a host stopped mid-profile
/// loses nothing, the file is stored and its reading starts over. A failure that is not the file's (the database away,
/// a defect) ends the version Failed with a plain reason, so that nothing waits for ever.
/// </summary>
internal sealed class DatasetProfilingService(IServiceScopeFactory scopes, DatasetProfilingQueue queue, ILogger<DatasetProfilingService> logger)
    : BackgroundService
{
    private const string Actor = "platform:dataset-profiler";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueLeftOversAsync(stoppingToken);
        await foreach (var id in queue.Waiting.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var status = await scope.ServiceProvider.GetRequiredService<SystemSender>().SendAsync(new ProfileDatasetVersionCommand(id), Actor, stoppingToken);
                logger.LogInformation("Dataset version {DatasetVersionId} profiled: {Status}", id, status);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Profiling dataset version {DatasetVersionId} failed", id);
                await GiveUpAsync(id, stoppingToken);
            }
            finally
            {
                queue.Forget(id);
            }
        }
    }

    private async Task RequeueLeftOversAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IPlatformDbContext>();
            var waiting = await db.DatasetVersions.AsNoTracking().Where(v => v.Status == DatasetVersionStatus.Profiling)
                .OrderBy(v => v.CreatedAt).Select(v => v.Id).ToListAsync(stoppingToken);
            waiting.ForEach(queue.Enqueue);
            if (waiting.Count > 0)
            {
                logger.LogInformation("Profiling {Count} dataset version(s) left unprofiled when the host last stopped", waiting.Count);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not look for dataset versions left unprofiled; they are profiled at the next start");
        }
    }

    private async Task GiveUpAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SystemSender>()
                .SendAsync(new FailDatasetProfilingCommand(id, "the platform could not finish reading the file; upload it again"), Actor, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not record that dataset version {DatasetVersionId} failed; it is profiled again at the next start", id);
        }
    }
}
