namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// Sent to the queue of the job's kind and hardware class (<see cref="JobQueues"/>): a worker should run it. The
/// worker first claims it from the Api over HTTP (<c>JobReportsApi.Claim</c>) with <paramref name="ClaimTicket"/>,
/// which is good for this attempt only; null in messages queued by an Api older than the ticket.
/// </summary>
public sealed record RunJob(
    Guid JobId, string Kind, string HardwareClass, int Attempt, string ParametersJson, int TimeoutSeconds, Guid? RunId,
    string? ClaimTicket = null);

/// <summary>
/// The answer to a claim (<c>POST JobReportsApi.Claim</c>): the job is the worker's for this attempt. <paramref name="Token"/> is the attempt's bearer token for the Api's REST
/// surface (lease renewal, the job's end, its run's data), valid while the attempt holds the lease.
/// </summary>
public sealed record JobClaimed(Guid JobId, Guid LeaseId, int LeaseSeconds, int Attempt, string Token);

/// <summary>The job is not the worker's to run (already taken, finished or cancelled): acknowledge and do nothing. Sent as a 409's detail.</summary>
public sealed record JobClaimRefused(Guid JobId, string Reason);

/// <summary>Published to every worker: whoever runs the job stops it (and its child processes).</summary>
public sealed record CancelJobRequested(Guid JobId);
