using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Api;

namespace Platform.Workers.Runtime;

/// <summary>
/// Claims a job from the Api over HTTP with its message's ticket, asking again while no answer comes (up to
/// <see cref="During"/>): an answer lost to an Api restart would otherwise leave the job Running under a lease nobody
/// uses until it expires, and the job would be taken a second time. Asking again is safe: the Api gives the same worker
/// the same lease. Not over the bus: after a broker restart a request client's sends can hang for minutes
/// (rabbitmq-dotnet-client#1930), and the jobs it could not claim stayed queued.
/// </summary>
internal sealed class JobClaimer(JobReportsClient api, IHostApplicationLifetime lifetime, ILogger<JobClaimer> logger)
{
    public static readonly TimeSpan During = TimeSpan.FromMinutes(2);

    /// <returns>The claim, or the refusal (the job is not this worker's to run: acknowledge the message and do nothing).</returns>
    /// <remarks>Gives up after <see cref="During"/>, or when the worker shuts down (the job message then goes back to the queue).</remarks>
    public async Task<(JobClaimed? Claimed, JobClaimRefused? Refused)> ClaimAsync(RunJob message, string workerId)
    {
        if (message.ClaimTicket is not { } ticket)
        {
            return (null, new JobClaimRefused(message.JobId, "its message carries no claim ticket (queued by an older Api); it runs when the Api queues it again"));
        }

        return await ReportPublishing.RetryAsync(
            () => api.ClaimAsync(message.JobId, ticket, workerId, lifetime.ApplicationStopping), During, logger,
            $"the claim of job {message.JobId}", lifetime.ApplicationStopping);
    }
}
