using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.AppendJobLogs;

/// <summary>Stores a batch of log lines (up to the per-job cap) and pushes them to the job's watchers.</summary>
[NotAudited]
[RequiresRole(Role.System)]
public sealed record AppendJobLogsCommand(Guid JobId, Guid LeaseId, IReadOnlyList<JobLogEntry> Lines) : ICommand;

public sealed class AppendJobLogsCommandHandler(IPlatformDbContext db, IOptions<JobOptions> options, IJobNotifier notifier)
    : ICommandHandler<AppendJobLogsCommand>
{
    public async ValueTask<Unit> Handle(AppendJobLogsCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == command.JobId, cancellationToken);
        if (job is null || !job.AcceptsReportsFrom(command.LeaseId))
        {
            return Unit.Value;
        }

        // Up to the cap the lines are stored; the first line past it becomes one marker line, later ones are dropped.
        var cap = options.Value.MaxLogLinesPerJob;
        var last = await db.JobLogLines.Where(l => l.JobId == command.JobId).MaxAsync(l => (int?)l.Sequence, cancellationToken) ?? 0;
        var take = Math.Clamp(cap - last, 0, command.Lines.Count);
        var lines = command.Lines.Take(take).Select((l, i) => JobLogLine.Create(command.JobId, last + i + 1, l.At, l.Text)).ToList();
        if (take < command.Lines.Count && last + take == cap)
        {
            lines.Add(JobLogLine.Create(command.JobId, cap + 1, command.Lines[take].At,
                $"[log truncated: this job keeps {cap} lines; later lines are not stored]"));
        }

        if (lines.Count > 0)
        {
            db.JobLogLines.AddRange(lines);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.JobLogAsync(command.JobId, lines.Select(l => new JobLogLineDto(l.Sequence, l.At, l.Text)).ToList(), cancellationToken);
        }

        return Unit.Value;
    }
}
