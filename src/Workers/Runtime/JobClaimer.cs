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

    /// <remarks>Gives up after <see cref="During"/>, or when the worker shuts down (the job message then goes back to the queue).</remarks>
    public Task<Response<JobClaimed, JobClaimRefused>> ClaimAsync(ClaimJob claim) =>
        ReportPublishing.RetryAsync(
            () => _claims.GetResponse<JobClaimed, JobClaimRefused>(claim, lifetime.ApplicationStopping), During, logger,
            $"the claim of job {claim.JobId}", lifetime.ApplicationStopping);
}
