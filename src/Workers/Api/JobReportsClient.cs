using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Executors;

namespace Platform.Workers.Api;

/// <summary>
/// The worker's calls to the Api's REST surface for a job it runs, with the attempt's token (<see cref="JobReportsApi"/>).
/// A 401 means the attempt no longer holds the job (it ended, or its lease was lost to a re-queue).
/// </summary>
internal sealed class JobReportsClient(IHttpClientFactory clients, IApiAddress api, ILogger<JobReportsClient> logger)
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The executor's reads and writes for this attempt, with its token.</summary>
    public IJobApi ForAttempt(JobClaimed claim, Guid? runId) => new RestJobApi(clients, api, claim.Token, runId, logger);

    /// <returns>The lease's status; null when the attempt no longer holds the job.</returns>
    /// <exception cref="HttpRequestException">The Api could not be reached or failed: try again later.</exception>
    public async Task<JobLeaseStatus?> RenewLeaseAsync(JobClaimed claim, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(claim, JobReportsApi.Lease(claim.JobId), null, cancellationToken);
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
        using var response = await SendAsync(claim, JobReportsApi.End(claim.JobId), report, CancellationToken.None);
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

    private async Task<HttpResponseMessage> SendAsync(JobClaimed claim, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseAddress, path))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", claim.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        return await clients.CreateClient(nameof(JobReportsClient)).SendAsync(request, timeout.Token);
    }
}
