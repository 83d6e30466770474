using MassTransit;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Workers.Runtime;

/// <summary>
/// Claims a job from the Api, asking again while no answer comes (up to <see cref="During"/>): an answer lost to a
/// broker restart would otherwise leave the job Running under a lease nobody uses until it expires, and the job would
/// be taken a second time. Asking again is safe: the Api gives the same worker the same lease. Through the bus, not
/// the job message's consume context, whose channel a broker restart closes for good.
/// </summary>
internal sealed class JobClaimer(IBus bus, IHostApplicationLifetime lifetime, ILogger<JobClaimer> logger)
{
    public static readonly TimeSpan During = TimeSpan.FromMinutes(2);
    private readonly IRequestClient<ClaimJob> _claims = bus.CreateRequestClient<ClaimJob>(RequestTimeout.After(s: 10));

    /// <remarks>Gives up only when the worker is shutting down (the job message then goes back to the queue).</remarks>
    public async Task<Response<JobClaimed, JobClaimRefused>> ClaimAsync(ClaimJob claim)
    {
        var stopping = lifetime.ApplicationStopping;
        var delay = TimeSpan.FromMilliseconds(250);
        var until = DateTime.UtcNow + During;
        while (true)
        {
            try
            {
                return await _claims.GetResponse<JobClaimed, JobClaimRefused>(claim, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTime.UtcNow < until)
            {
                logger.LogWarning("No answer to the claim of job {JobId} yet ({Error}); asking again", claim.JobId, e.Message);
                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
