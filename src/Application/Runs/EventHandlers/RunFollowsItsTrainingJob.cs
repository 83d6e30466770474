using Platform.Application.Common.Events;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Runs.EventHandlers;

/// <summary>
/// A Train job's run follows the job, in the transaction that records the job's end: Finished when it succeeded,
/// Failed when it failed or timed out, Killed when it was cancelled. Other kinds (an Evaluate job on the run) leave
/// the run's status alone. A retried Train job (queued again after such an end) runs its run again, if that end is
/// what ended the run.
/// </summary>
internal sealed class RunFollowsItsTrainingJob(IPlatformDbContext db) : IDomainEventHandler<JobEnded>, IDomainEventHandler<JobRetried>
{
    public async Task HandleAsync(JobEnded domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Job is not { Kind: JobKind.Train, RunId: { } runId } job || Outcome(job.State) is not { } outcome)
        {
            return;
        }

        var run = await db.Runs.FindAsync([runId], cancellationToken);
        run?.EndWithTraining(outcome, job.FinishedAt ?? domainEvent.At);
    }

    public async Task HandleAsync(JobRetried domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Job is { Kind: JobKind.Train, RunId: { } runId, State: JobState.Queued }
            && await db.Runs.FindAsync([runId], cancellationToken) is { } run)
        {
            run.ResumeTraining(domainEvent.PreviouslyEndedAt);
        }
    }

    private static RunStatus? Outcome(JobState state) => state switch
    {
        JobState.Succeeded => RunStatus.Finished,
        JobState.Failed or JobState.TimedOut => RunStatus.Failed,
        JobState.Cancelled => RunStatus.Killed,
        _ => null,
    };
}
