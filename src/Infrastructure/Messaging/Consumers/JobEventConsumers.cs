using MassTransit;
using Platform.Application.Jobs.Commands.AppendJobLogs;
using Platform.Application.Jobs.Commands.FailUndeliverableJob;
using Platform.Application.Jobs.Commands.MarkWorkerStopped;
using Platform.Application.Jobs.Commands.RecordHeartbeat;
using Platform.Application.Jobs.Commands.RecordJobMetrics;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;
using Platform.Infrastructure.Jobs;

namespace Platform.Infrastructure.Messaging.Consumers;

/// <summary>Progress goes to the coalescer: only the latest per job is stored and pushed, a few times a second.</summary>
internal sealed class JobProgressedConsumer(ProgressCoalescer coalescer) : IConsumer<JobProgressed>
{
    public Task Consume(ConsumeContext<JobProgressed> context)
    {
        coalescer.Offer(context.Message);
        return Task.CompletedTask;
    }
}

internal sealed class JobLoggedConsumer(SystemSender system) : IConsumer<JobLogged>
{
    public Task Consume(ConsumeContext<JobLogged> context) =>
        system.SendAsync(new AppendJobLogsCommand(context.Message.JobId, context.Message.LeaseId, context.Message.Lines), Actor.Platform, context.CancellationToken);
}

internal sealed class JobMetricsLoggedConsumer(SystemSender system) : IConsumer<JobMetricsLogged>
{
    public Task Consume(ConsumeContext<JobMetricsLogged> context) =>
        system.SendAsync(
            new RecordJobMetricsCommand(context.Message.JobId, context.Message.LeaseId, context.Message.RunId, context.Message.Points),
            Actor.Platform, context.CancellationToken);
}

/// <summary>A job message that could not be processed after its retries (poison): the job fails with the error.</summary>
internal sealed class RunJobFaultConsumer(SystemSender system) : IConsumer<Fault<RunJob>>
{
    public Task Consume(ConsumeContext<Fault<RunJob>> context)
    {
        var error = context.Message.Exceptions.FirstOrDefault();
        var reason = $"The worker could not process the job message after retrying: {error?.ExceptionType}: {error?.Message}";
        return system.SendAsync(new FailUndeliverableJobCommand(context.Message.Message.JobId, reason), Actor.Platform, context.CancellationToken);
    }
}

internal sealed class WorkerHeartbeatConsumer(SystemSender system) : IConsumer<WorkerHeartbeat>
{
    public Task Consume(ConsumeContext<WorkerHeartbeat> context) =>
        system.SendAsync(new RecordHeartbeatCommand(context.Message), Actor.Worker(context.Message.WorkerId), context.CancellationToken);
}

internal sealed class WorkerStoppedConsumer(SystemSender system) : IConsumer<WorkerStopped>
{
    public Task Consume(ConsumeContext<WorkerStopped> context) =>
        system.SendAsync(new MarkWorkerStoppedCommand(context.Message.WorkerId), Actor.Worker(context.Message.WorkerId), context.CancellationToken);
}
