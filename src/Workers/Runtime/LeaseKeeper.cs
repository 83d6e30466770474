using MassTransit;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Workers.Runtime;

/// <summary>
/// Renews a running job's lease at a third of its length. Stops the job when the Api says the lease is lost (the
/// job was re-queued after this worker looked dead) or that cancellation was asked for. Renewals go through the bus,
/// not the job message's consume context, whose channel a broker restart closes for good.
/// </summary>
internal sealed class LeaseKeeper(IBus bus, ILogger<LeaseKeeper> logger)
{
    private readonly IRequestClient<RenewJobLease> _renewals = bus.CreateRequestClient<RenewJobLease>(RequestTimeout.After(s: 5));

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
                    var status = await _renewals.GetResponse<JobLeaseStatus>(new RenewJobLease(claim.JobId, claim.LeaseId), stop);
                    if (!status.Message.Active)
                    {
                        job.Stop(StopReason.LeaseLost);
                        return;
                    }

                    if (status.Message.CancelRequested)
                    {
                        job.Stop(StopReason.CancelRequested);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The Api or the broker is briefly away: keep working, try again next tick.
                    logger.LogWarning("Could not renew the lease of job {JobId}: {Error}", claim.JobId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
