using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs;

internal static class JobMessages
{
    /// <summary>Queues the job for a worker of its kind and hardware class.</summary>
    public static void Dispatch(this Common.Interfaces.IOutbox outbox, Job job)
    {
        var kind = job.Kind.ToString().ToLowerInvariant();
        var hardware = job.HardwareClass.ToString().ToLowerInvariant();
        outbox.Send(JobQueues.For(kind, hardware), new RunJob(
            job.Id, kind, hardware, job.Attempts + 1, job.ParametersJson, job.TimeoutSeconds, job.RunId));
    }
}
