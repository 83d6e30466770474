using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Exceptions;
using Platform.Application.Jobs.WorkerReports;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Keeps only the latest progress per job and flushes it every <see cref="Interval"/>: however often a job reports,
/// the Api stores and pushes a few updates a second for it, and other jobs are not held up behind it.
/// </summary>
public sealed class ProgressCoalescer(IServiceScopeFactory scopes, ILogger<ProgressCoalescer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<Guid, JobProgressed> _latest = new();

    public void Offer(JobProgressed progress) =>
        _latest.AddOrUpdate(progress.JobId, progress, (_, current) => progress.At >= current.At ? progress : current);

    /// <summary>Drops pending progress of a job that ended, so that it cannot arrive after the final state.</summary>
    public void Forget(Guid jobId) => _latest.TryRemove(jobId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = new List<JobProgressed>();
            foreach (var jobId in _latest.Keys)
            {
                if (_latest.TryRemove(jobId, out var progress))
                {
                    batch.Add(progress);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SystemSender>()
                    .SendAsync(new ApplyJobProgressCommand(batch), "platform", stoppingToken);
            }
            catch (ConflictException)
            {
                // A job changed state meanwhile (ended, re-queued): its progress is stale and rightly dropped.
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not store progress of {Count} job(s)", batch.Count);
            }
        }
    }
}
