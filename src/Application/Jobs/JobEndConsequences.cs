using Platform.Application.Common.Interfaces;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs;

/// <summary>
/// What follows from a job's change of state, recorded in the same transaction: every handler that ends or re-queues
/// a job calls this one list. Each step looks at the job's kind and state itself and does nothing when they do not fit.
/// </summary>
public static class JobEndConsequences
{
    public static async Task RecordAsync(IPlatformDbContext db, Job job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Runs.TrainingRunRecorder.RecordIfTrainingEndedAsync(db, job, now, cancellationToken);
        await Registry.ModelEvaluationRecorder.RecordIfEvaluationAsync(db, job, now, cancellationToken);
        await Deployments.DeploymentValidationRecorder.RecordIfDeployAsync(db, job, now, cancellationToken);
    }
}
