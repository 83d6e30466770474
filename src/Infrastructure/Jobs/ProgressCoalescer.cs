using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Common.Exceptions;
using Platform.Application.Jobs.Commands.ApplyJobProgress;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Keeps only the latest progress per job and passes it on at most once per <see cref="Interval"/> per job: the first
/// report after a quiet spell goes out at once (a few milliseconds), a job reporting thousands of times a second costs
/// a few writes a second, and other jobs are not held up behind it.
/// </summary>
public sealed class ProgressCoalescer(IServiceScopeFactory scopes, ILogger<ProgressCoalescer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<Guid, JobProgressed> _latest = new();
    private readonly Dictionary<Guid, long> _lastSent = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Offer(JobProgressed progress)
    {
        _latest.AddOrUpdate(progress.JobId, progress, (_, current) => progress.At >= current.At ? progress : current);
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var (batch, nextDue) = TakeDue();
            if (batch.Count > 0)
            {
                await StoreAsync(batch, stoppingToken);
                continue;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            if (nextDue is { } due)
            {
                wait.CancelAfter(due);
            }

            try
            {
                await _wake.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The next held-back report is due.
            }
        }
    }

    /// <summary>The reports whose job has not been passed on within the interval, and how long until the next is due.</summary>
    private (List<JobProgressed> Batch, TimeSpan? NextDue) TakeDue()
    {
        var now = Stopwatch.GetTimestamp();
        var batch = new List<JobProgressed>();
        TimeSpan? nextDue = null;
        foreach (var jobId in _latest.Keys)
        {
            var since = _lastSent.TryGetValue(jobId, out var sent) ? Stopwatch.GetElapsedTime(sent, now) : TimeSpan.MaxValue;
            if (since < Interval)
            {
                nextDue = nextDue is null || Interval - since < nextDue ? Interval - since : nextDue;
            }
            else if (_latest.TryRemove(jobId, out var progress))
            {
                batch.Add(progress);
                _lastSent[jobId] = now;
            }
        }

        foreach (var (jobId, sent) in _lastSent)
        {
            if (Stopwatch.GetElapsedTime(sent, now) >= Interval && !_latest.ContainsKey(jobId))
            {
                _lastSent.Remove(jobId);
            }
        }

        return (batch, nextDue);
    }

    private async Task StoreAsync(List<JobProgressed> batch, CancellationToken stoppingToken)
    {
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
