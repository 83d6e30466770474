using Mediator;
using Microsoft.AspNetCore.SignalR;
using Platform.Application.Jobs.Queries.GetJob;
using Platform.Application.Runs.Queries.GetRun;

namespace Platform.Api.Hubs;

/// <summary>
/// Live job progress, logs and run metrics. A client subscribes to a job or a run; the subscription is checked by
/// the same queries as the REST API, so a client receives only what it may read.
/// </summary>
public sealed class JobsHub(ISender sender) : Hub<IJobsClient>
{
    public const string Path = "/hubs/jobs";

    public static string JobGroup(Guid jobId) => "job:" + jobId;

    public static string RunGroup(Guid runId) => "run:" + runId;

    /// <summary>Starts receiving a job's updates; answers the job as it is now, or fails if the caller may not see it.</summary>
    public async Task<Application.Jobs.JobDto> SubscribeToJob(Guid jobId)
    {
        var job = await Guarded(() => sender.Send(new GetJobQuery(jobId), Context.ConnectionAborted).AsTask());
        await Groups.AddToGroupAsync(Context.ConnectionId, JobGroup(jobId), Context.ConnectionAborted);
        return job;
    }

    public Task UnsubscribeFromJob(Guid jobId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroup(jobId));

    /// <summary>Starts receiving a run's live metric points.</summary>
    public async Task SubscribeToRun(Guid runId)
    {
        await Guarded(() => sender.Send(new GetRunQuery(runId), Context.ConnectionAborted).AsTask());
        await Groups.AddToGroupAsync(Context.ConnectionId, RunGroup(runId), Context.ConnectionAborted);
    }

    public Task UnsubscribeFromRun(Guid runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, RunGroup(runId));

    private static Task<T> Guarded<T>(Func<Task<T>> query) => HubGuard.Guarded(query);
}

/// <summary>What the hub pushes to clients.</summary>
public interface IJobsClient
{
    Task JobChanged(Application.Jobs.JobDto job);

    Task JobLog(Guid jobId, IReadOnlyList<Application.Jobs.JobLogLineDto> lines);

    Task RunMetrics(Guid runId, IReadOnlyList<Application.Runs.RunMetricPointDto> points);
}
