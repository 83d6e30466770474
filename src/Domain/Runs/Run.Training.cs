namespace Platform.Domain.Runs;

/// <summary>A run that holds a Train job follows it: it ends with the training and runs again when the training is retried.</summary>
public sealed partial class Run
{
    /// <summary>
    /// The run's training job ended as <paramref name="outcome"/> (Finished, Failed or Killed) at <paramref name="at"/>:
    /// a running run ends with it. A run that ended already (its owner ended it through the API) keeps its end.
    /// </summary>
    /// <returns>Whether the run changed.</returns>
    public bool EndWithTraining(RunStatus outcome, DateTimeOffset at)
    {
        if (!outcome.IsTerminal())
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A training ends Finished, Failed or Killed.");
        }

        if (Status.IsTerminal())
        {
            return false;
        }

        Status = outcome;
        SetEndTime(TrainingEnd(at));
        Version++;
        return true;
    }

    /// <summary>
    /// The run's training, which ended it at <paramref name="trainingEndedAt"/> as Failed or Killed, was queued again: the
    /// run is running again, with no end. A run ended otherwise (by its owner, or at another time) stays as it is.
    /// </summary>
    /// <returns>Whether the run changed.</returns>
    public bool ResumeTraining(DateTimeOffset? trainingEndedAt)
    {
        if (Status is not (RunStatus.Failed or RunStatus.Killed) || trainingEndedAt is not { } ended || EndTime != TrainingEnd(ended).ToUniversalTime())
        {
            return false;
        }

        Status = RunStatus.Running;
        EndTime = null;
        Version++;
        return true;
    }

    /// <summary>A worker's clock a little behind the Api's does not end a run before it started.</summary>
    private DateTimeOffset TrainingEnd(DateTimeOffset at) => at < StartTime ? StartTime : at;
}
