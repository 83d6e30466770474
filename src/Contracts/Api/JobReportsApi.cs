namespace Platform.Contracts.Api;

/// <summary>
/// What a worker must get through to the Api, over REST rather than over the bus: a broker restart can leave a
/// client's sends hanging for minutes (rabbitmq-dotnet-client#1930), a claim that does not arrive leaves the job
/// queued, and a lease renewal or a job's end that does not arrive makes the job run twice. The claim carries the job
/// message's ticket (<c>RunJob.ClaimTicket</c>); the rest the attempt's job token (<c>JobClaimed.Token</c>).
/// </summary>
public static class JobReportsApi
{
    /// <summary>POST <see cref="JobClaimRequest"/>: answered by <c>JobClaimed</c>; 409 (its detail the reason) when refused, 401 when the attempt is no longer queued.</summary>
    public static string Claim(Guid jobId) => $"/api/v1/jobs/{jobId}/claim";

    /// <summary>POST, no body: renews the lease; answered by <see cref="JobLeaseStatus"/>. 401 once the attempt no longer holds the lease.</summary>
    public static string Lease(Guid jobId) => $"/api/v1/jobs/{jobId}/lease";

    /// <summary>POST <see cref="JobEndReport"/>: how the attempt ended; answered by <see cref="JobEndRecorded"/>.</summary>
    public static string End(Guid jobId) => $"/api/v1/jobs/{jobId}/end";

    /// <summary>The outcomes a worker may report; <see cref="Released"/> hands the job back to the queue unfinished.</summary>
    public static readonly string[] Outcomes = ["Succeeded", "Failed", "Cancelled", "TimedOut", Released];

    public const string Released = "Released";
}

public sealed record JobClaimRequest(string WorkerId);

public sealed record JobLeaseStatus(Guid JobId, bool Active, bool CancelRequested);

/// <param name="Outcome">One of <see cref="JobReportsApi.Outcomes"/>.</param>
public sealed record JobEndReport(string Outcome, string? Reason, string? ResultJson);

/// <summary>Stored (<paramref name="Changed"/>), or a repeat of an end already recorded.</summary>
public sealed record JobEndRecorded(Guid JobId, bool Changed);
