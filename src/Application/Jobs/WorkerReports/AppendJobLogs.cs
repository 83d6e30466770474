using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.WorkerReports;

/// <summary>Stores a batch of log lines (up to the per-job cap) and pushes them to the job's watchers.</summary>
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

        var last = await db.JobLogLines.Where(l => l.JobId == command.JobId).MaxAsync(l => (int?)l.Sequence, cancellationToken) ?? 0;
        var room = Math.Max(0, options.Value.MaxLogLinesPerJob - last);
        var lines = command.Lines.Take(room).Select((l, i) => JobLogLine.Create(command.JobId, last + i + 1, l.At, l.Text)).ToList();
        if (lines.Count < command.Lines.Count && room > 0)
        {
            lines[^1] = JobLogLine.Create(command.JobId, lines[^1].Sequence, lines[^1].At,
                $"[log truncated: this job keeps {options.Value.MaxLogLinesPerJob} lines; later lines are not stored]");
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
