using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs;

internal static class JobMessages
{
    /// <summary>Queues the job for a worker of its kind and hardware class, with the ticket that lets the receiver claim this attempt.</summary>
    public static void Dispatch(this Common.Interfaces.IOutbox outbox, Job job, Common.Interfaces.IJobTokenIssuer tickets)
    {
        var kind = job.Kind.ToString().ToLowerInvariant();
        var hardware = job.HardwareClass.ToString().ToLowerInvariant();
        outbox.Send(JobQueues.For(kind, hardware), new RunJob(
            job.Id, kind, hardware, job.Attempts + 1, job.ParametersJson, job.TimeoutSeconds, job.RunId,
            tickets.IssueClaimTicket(job.Id, job.Attempts + 1)));
    }
}
