using Microsoft.AspNetCore.SignalR;
using Platform.Application.Common.Interfaces;
using Platform.Application.Jobs;
using Platform.Application.Runs;

namespace Platform.Api.Hubs;

/// <summary>Pushes job and run updates to the hub's groups (across replicas through the backplane, when configured).</summary>
internal sealed class SignalRJobNotifier(IHubContext<JobsHub, IJobsClient> hub) : IJobNotifier
{
    public Task JobChangedAsync(JobDto job, CancellationToken cancellationToken) =>
        hub.Clients.Group(JobsHub.JobGroup(job.Id)).JobChanged(job);

    public Task JobLogAsync(Guid jobId, IReadOnlyList<JobLogLineDto> lines, CancellationToken cancellationToken) =>
        hub.Clients.Group(JobsHub.JobGroup(jobId)).JobLog(jobId, lines);

    public Task RunMetricsAsync(Guid runId, IReadOnlyList<RunMetricPointDto> points, CancellationToken cancellationToken) =>
        hub.Clients.Group(JobsHub.RunGroup(runId)).RunMetrics(runId, points);
}
