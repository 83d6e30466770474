namespace Platform.Web.Api;

/// <summary>One line of a job's log, as the Api stores it and its hub pushes it (<c>JobLog(jobId, lines)</c>).</summary>
public sealed record LogLine(int Sequence, DateTimeOffset At, string Text);

/// <summary>A job as a run's page shows it: its state and the parameters it was submitted with (the run's lineage).</summary>
public sealed record RunJob(Guid Id, string Kind, string State, string ParametersJson, string SubmittedBy, DateTimeOffset CreatedAt);

public sealed partial class PlatformApiClient
{
    /// <summary>The last <paramref name="lines"/> lines of a job's log (at most 1,000), in order.</summary>
    public Task<Page<LogLine>> JobLogTailAsync(Guid jobId, int lines, CancellationToken ct = default) =>
        GetAsync<Page<LogLine>>($"api/v1/jobs/{jobId}/logs?tail={Math.Clamp(lines, 1, 1000)}", ct);

    /// <summary>
    /// The job a run's page follows: its newest Train job (an Evaluate job run later is not where the run came from),
    /// else its newest job of any kind; null when the user may see none (a run trained by someone else, to a Viewer).
    /// </summary>
    public async Task<RunJob?> RunJobAsync(Guid runId, CancellationToken ct = default) =>
        (await GetAsync<Page<RunJob>>($"api/v1/jobs?runId={runId}&kind=Train&limit=1", ct)).Items.FirstOrDefault()
        ?? (await GetAsync<Page<RunJob>>($"api/v1/jobs?runId={runId}&limit=1", ct)).Items.FirstOrDefault();
}

public sealed partial class PlatformApiClient
{
    /// <summary>The newest runs across the given experiments (the Api's run search, newest first).</summary>
    public Task<Page<RunRow>> RecentRunsAsync(IReadOnlyList<Guid> experimentIds, int limit, CancellationToken ct = default) =>
        PostAsync<Page<RunRow>>("api/v1/runs/search", new { experimentIds, orderBy = "attributes.start_time desc", limit }, ct);
}

/// <summary>A model version registered from a run.</summary>
public sealed record RunModelVersion(string Model, int Version, string Stage, DateTimeOffset CreatedAt);

public sealed partial class PlatformApiClient
{
    public Task<Page<RunModelVersion>> RunModelVersionsAsync(Guid runId, CancellationToken ct = default) =>
        GetAsync<Page<RunModelVersion>>($"api/v1/runs/{runId}/model-versions", ct);
}
