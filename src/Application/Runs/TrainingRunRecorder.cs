using Platform.Application.Common.Interfaces;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Runs;

/// <summary>
/// A Train job's run follows the job, in the transaction that records the job's end: Finished when it succeeded,
/// Failed when it failed or timed out, Killed when it was cancelled. Other kinds (an Evaluate job on the run) leave
/// the run's status alone.
/// </summary>
public static class TrainingRunRecorder
{
    public static async Task RecordIfTrainingEndedAsync(IPlatformDbContext db, Job job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (job is not { Kind: JobKind.Train, RunId: { } runId } || Outcome(job.State) is not { } outcome)
        {
            return;
        }

        var run = await db.Runs.FindAsync([runId], cancellationToken);
        run?.EndWithTraining(outcome, job.FinishedAt ?? now);
    }

    /// <summary>
    /// A retried Train job (queued again after it failed, was cancelled or timed out at <paramref name="endedAt"/>) runs
    /// its run again, if that end is what ended the run.
    /// </summary>
    public static async Task RecordIfTrainingRetriedAsync(IPlatformDbContext db, Job job, DateTimeOffset? endedAt, CancellationToken cancellationToken)
    {
        if (job is { Kind: JobKind.Train, RunId: { } runId, State: JobState.Queued }
            && await db.Runs.FindAsync([runId], cancellationToken) is { } run)
        {
            run.ResumeTraining(endedAt);
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
