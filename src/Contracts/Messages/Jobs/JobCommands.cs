namespace Platform.Contracts.Messages.Jobs;

/// <summary>Sent to the queue of the job's kind and hardware class (<see cref="JobQueues"/>): a worker should run it.</summary>
public sealed record RunJob(
    Guid JobId, string Kind, string HardwareClass, int Attempt, string ParametersJson, int TimeoutSeconds, Guid? RunId);

/// <summary>A worker asks the Api for the job before running it; answered by <see cref="JobClaimed"/> or <see cref="JobClaimRefused"/>.</summary>
public sealed record ClaimJob(Guid JobId, string WorkerId);

public sealed record JobClaimed(Guid JobId, Guid LeaseId, int LeaseSeconds, int Attempt);

/// <summary>The job is not the worker's to run (already taken, finished or cancelled): acknowledge and do nothing.</summary>
public sealed record JobClaimRefused(Guid JobId, string Reason);

/// <summary>A running worker keeps its lease; answered by <see cref="JobLeaseStatus"/>.</summary>
public sealed record RenewJobLease(Guid JobId, Guid LeaseId);

public sealed record JobLeaseStatus(Guid JobId, bool Active, bool CancelRequested);

/// <summary>Published to every worker: whoever runs the job stops it (and its child processes).</summary>
public sealed record CancelJobRequested(Guid JobId);
