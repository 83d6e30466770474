using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

internal static class JobSubmissions
{
    /// <summary>Submits a Diagnostic job (on <paramref name="runId"/> when given); its id.</summary>
    public static async Task<Guid> SubmitDiagnosticJobAsync(this HttpClient owner, string? runId = null)
    {
        var job = await (await owner.PostJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", runId })).ExpectAsync(202);
        return Guid.Parse(job["id"]!.GetValue<string>());
    }

    /// <summary>Submits a Diagnostic job and claims it as a worker does: its id and the attempt's job token.</summary>
    public static async Task<(Guid JobId, string Token)> SubmitAndClaimAsync(this ApiFactory factory, HttpClient owner, string? runId = null)
    {
        var jobId = await owner.SubmitDiagnosticJobAsync(runId);
        return (jobId, (await factory.ClaimAsWorkerAsync(jobId)).Token);
    }
}
