using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Api;

namespace Platform.Workers.Runtime;

/// <summary>
/// Renews a running job's lease at a third of its length, over the Api's REST surface with the attempt's token (a
/// broker restart cannot hold it back). Stops the job when the Api says the lease is lost (the job was re-queued after
/// this worker looked dead) or that cancellation was asked for.
/// </summary>
internal sealed class LeaseKeeper(JobReportsClient api, ILogger<LeaseKeeper> logger)
{
    /// <returns>Disposing it stops the renewals.</returns>
    public IDisposable Keep(RunningJob job, JobClaimed claim)
    {
        var stop = new StopOnDispose();
        _ = Task.Run(() => RenewLoopAsync(job, claim, stop.Token));
        return stop;
    }

    private sealed class StopOnDispose : IDisposable
    {
        private readonly CancellationTokenSource _source = new();

        public CancellationToken Token => _source.Token;

        /// <remarks>Cancels without disposing: the renewal loop may still be reading the token.</remarks>
        public void Dispose() => _source.Cancel();
    }

    private async Task RenewLoopAsync(RunningJob job, JobClaimed claim, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, claim.LeaseSeconds / 3.0)));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    var status = await api.RenewLeaseAsync(claim, stop);
                    if (status is null || !status.Active)
                    {
                        job.Stop(StopReason.LeaseLost);
                        return;
                    }

                    if (status.CancelRequested)
                    {
                        job.Stop(StopReason.CancelRequested);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // The Api is briefly away: keep working, try again next tick.
                    logger.LogWarning("Could not renew the lease of job {JobId}: {Error}", claim.JobId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
