namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Issues the bearer token a worker (and the program it runs) uses for one attempt of a job: valid only while that
/// attempt holds the job's lease, so it expires with the job. Nothing about it is stored.
/// </summary>
public interface IJobTokenIssuer
{
    string Issue(Guid jobId, Guid leaseId);
}
