using MassTransit;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Workers.Runtime;

/// <summary>Every worker hears every cancellation; the one running the job stops it at once.</summary>
internal sealed class CancelJobConsumer(RunningJobs running, ILogger<CancelJobConsumer> logger) : IConsumer<CancelJobRequested>
{
    public Task Consume(ConsumeContext<CancelJobRequested> context)
    {
        if (running.Stop(context.Message.JobId, StopReason.CancelRequested))
        {
            logger.LogInformation("Cancelling job {JobId}", context.Message.JobId);
        }

        return Task.CompletedTask;
    }
}
