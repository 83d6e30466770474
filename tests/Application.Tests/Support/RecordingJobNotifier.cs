using System.Collections.Concurrent;
using Platform.Application.Common.Interfaces;
using Platform.Application.Jobs;
using Platform.Application.Runs;

namespace Platform.Application.Tests.Support;

/// <summary>A fake of the live-update port (SignalR has its own integration tests): records what was pushed.</summary>
public sealed class RecordingJobNotifier : IJobNotifier
{
    public ConcurrentQueue<JobDto> Jobs { get; } = new();

    public Task JobChangedAsync(JobDto job, CancellationToken cancellationToken)
    {
        Jobs.Enqueue(job);
        return Task.CompletedTask;
    }

    public Task JobLogAsync(Guid jobId, IReadOnlyList<JobLogLineDto> lines, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunMetricsAsync(Guid runId, IReadOnlyList<RunMetricPointDto> points, CancellationToken cancellationToken) => Task.CompletedTask;
}
