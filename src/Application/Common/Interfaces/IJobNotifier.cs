using Platform.Application.Jobs;
using Platform.Application.Runs;

namespace Platform.Application.Common.Interfaces;

/// <summary>Live updates to people watching a job or a run (SignalR groups per job and per run).</summary>
public interface IJobNotifier
{
    Task JobChangedAsync(JobDto job, CancellationToken cancellationToken);

    Task JobLogAsync(Guid jobId, IReadOnlyList<JobLogLineDto> lines, CancellationToken cancellationToken);

    Task RunMetricsAsync(Guid runId, IReadOnlyList<RunMetricPointDto> points, CancellationToken cancellationToken);
}
