namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Issues the bearer token a worker (and the program it runs) uses for one attempt of a job: valid only while that
/// attempt holds the job's lease, so it expires with the job. Nothing about it is stored.
/// </summary>
public interface IJobTokenIssuer
{
    string Issue(Guid jobId, Guid leaseId);

    /// <summary>
    /// The ticket sent with a queued job's message: whoever received the message may claim that attempt of the job
    /// with it over HTTP (and nothing else). Honoured only while that attempt is the job's next or current one.
    /// </summary>
    string IssueClaimTicket(Guid jobId, int attempt);
}
