using System.Text.Json;
using Platform.Contracts.Api;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.ReportJobEnd;

/// <summary>
/// The worker holding the job reports how its attempt ended (with the attempt's token): Succeeded, Failed, Cancelled,
/// TimedOut, or Released (handed back unfinished on shutdown: queued again without using up an attempt). The worker
/// repeats the report until it is answered; a repeat changes nothing.
/// </summary>
[RequiresRole(Role.Job)]
public sealed record ReportJobEndCommand(Guid JobId, string? Outcome, string? Reason, string? ResultJson) : ICommand<JobEndRecorded>, IJobScoped;

public sealed class ReportJobEndCommandValidator : AbstractValidator<ReportJobEndCommand>
{
    public const int MaxResultLength = 64 * 1024;

    public ReportJobEndCommandValidator()
    {
        RuleFor(c => c.Outcome).NotEmpty().Must(o => JobReportsApi.Outcomes.Contains(o))
            .WithMessage($"must be one of {string.Join(", ", JobReportsApi.Outcomes)}");
        RuleFor(c => c.Reason).MaximumLength(Job.MaxReasonLength);
        RuleFor(c => c.ResultJson).MaximumLength(MaxResultLength).Must(BeJson!).When(c => c.ResultJson is not null).WithMessage("must be JSON");
    }

    private static bool BeJson(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

public sealed class ReportJobEndCommandHandler(IPlatformDbContext db, IOutbox outbox, IJobTokenIssuer tickets, TimeProvider clock, ICurrentUser caller)
    : ICommandHandler<ReportJobEndCommand, JobEndRecorded>
{
    public async ValueTask<JobEndRecorded> Handle(ReportJobEndCommand command, CancellationToken cancellationToken)
    {
        var leaseId = caller.Job!.LeaseId;
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        var changed = job is not null && (command.Outcome == JobReportsApi.Released
            ? job.Release(leaseId, command.Reason ?? "Handed back by its worker.", clock.GetUtcNow())
            : job.Complete(leaseId, Enum.Parse<JobState>(command.Outcome!), command.Reason, command.ResultJson, clock.GetUtcNow()));
        if (!changed)
        {
            return new JobEndRecorded(command.JobId, false);
        }

        if (job!.State == JobState.Queued)
        {
            outbox.Dispatch(job, tickets);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new JobEndRecorded(job.Id, true);
    }
}
