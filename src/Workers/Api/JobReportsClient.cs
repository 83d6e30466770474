using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Executors;

namespace Platform.Workers.Api;

/// <summary>
/// The worker's calls to the Api's REST surface for a job it runs (<see cref="JobReportsApi"/>): the claim with the job
/// message's ticket, the rest with the attempt's token. A 401 means the attempt no longer holds the job (it ended, or its
/// lease was lost to a re-queue).
/// </summary>
internal sealed class JobReportsClient(IHttpClientFactory clients, IApiAddress api, ILogger<JobReportsClient> logger)
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One claim of the job with its message's ticket: the claim, or the refusal when the job is not this worker's to
    /// run (409: taken, ended or cancelled; 401/403: the ticket's attempt is no longer queued; 400: a claim it cannot take).
    /// </summary>
    /// <exception cref="HttpRequestException">The Api could not be reached or failed: try again.</exception>
    public async Task<(JobClaimed? Claimed, JobClaimRefused? Refused)> ClaimAsync(Guid jobId, string ticket, string workerId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(ticket, JobReportsApi.Claim(jobId), new JobClaimRequest(workerId), cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict)
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetail>(cancellationToken);
            return (null, new JobClaimRefused(jobId, problem?.Detail ?? "the Api refused the claim"));
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return (null, new JobClaimRefused(jobId, "its claim ticket is no longer good: the job ended, was cancelled or was queued again"));
        }

        if (response.StatusCode is HttpStatusCode.BadRequest)
        {
            return (null, new JobClaimRefused(jobId, $"the Api refused the claim: {await response.Content.ReadAsStringAsync(cancellationToken)}"));
        }

        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JobClaimed>(cancellationToken), null);
    }

    /// <summary>The executor's reads and writes for this attempt, with its token.</summary>
    public IJobApi ForAttempt(JobClaimed claim, Guid? runId) => new RestJobApi(clients, api, claim.Token, runId, logger);

    /// <returns>The lease's status; null when the attempt no longer holds the job.</returns>
    /// <exception cref="HttpRequestException">The Api could not be reached or failed: try again later.</exception>
    public async Task<JobLeaseStatus?> RenewLeaseAsync(JobClaimed claim, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(claim.Token, JobReportsApi.Lease(claim.JobId), null, cancellationToken);
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JobLeaseStatus>(cancellationToken);
    }

    /// <summary>
    /// Reports how the attempt ended, repeated with back-off until the Api answers (or says the attempt is no longer
    /// the job's), for up to <paramref name="during"/>: the end must arrive, or the job runs again when its lease
    /// runs out. A repeat is harmless: the Api records an end once.
    /// </summary>
    public Task ReportEndAsync(JobClaimed claim, JobEndReport report, TimeSpan during) =>
        Runtime.ReportPublishing.RetryAsync(() => SendEndAsync(claim, report), during, logger, $"the end of job {claim.JobId}");

    /// <summary>One attempt: done when answered, or when the Api says the end can never be taken (401, 403, 400).</summary>
    private async Task SendEndAsync(JobClaimed claim, JobEndReport report)
    {
        using var response = await SendAsync(claim.Token, JobReportsApi.End(claim.JobId), report, CancellationToken.None);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            logger.LogWarning("Job {JobId}: its end was not taken: the attempt no longer holds the job", claim.JobId);
        }
        else if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            logger.LogError("Job {JobId}: the Api refused its end report: {Problem}", claim.JobId, await response.Content.ReadAsStringAsync());
        }
        else
        {
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string bearer, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseAddress, path))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        return await clients.CreateClient(nameof(JobReportsClient)).SendAsync(request, timeout.Token);
    }

    private sealed record ProblemDetail(string? Detail);
}
