using Platform.Application.Common.Auditing;
using Platform.Application.Runs;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Jobs.Commands.RecordJobMetrics;

/// <summary>Writes a batch of a job's metric points to its run in bulk and pushes them to the run's watchers.</summary>
[NotAudited]
[RequiresRole(Role.System)]
public sealed record RecordJobMetricsCommand(Guid JobId, Guid LeaseId, Guid RunId, IReadOnlyList<JobMetricPoint> Points) : ICommand;

public sealed class RecordJobMetricsCommandHandler(IPlatformDbContext db, IMetricWriter writer, IJobNotifier notifier)
    : ICommandHandler<RecordJobMetricsCommand>
{
    public async ValueTask<Unit> Handle(RecordJobMetricsCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == command.JobId, cancellationToken);
        if (job is null || job.RunId != command.RunId || !job.AcceptsReportsFrom(command.LeaseId))
        {
            return Unit.Value;
        }

        var points = command.Points.Where(p => TrackingKey.IsValid(p.Key)).ToList();
        if (points.Count == 0)
        {
            return Unit.Value;
        }

        await writer.WriteAsync(command.RunId, points.Select(p => new MetricPoint(p.Key, p.Value, p.Step, p.Timestamp)).ToList(), job.Id, cancellationToken);
        await notifier.RunMetricsAsync(command.RunId, points.Select(p => new RunMetricPointDto(p.Key, p.Value, p.Step, p.Timestamp)).ToList(), cancellationToken);
        return Unit.Value;
    }
}
