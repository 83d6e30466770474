using MassTransit;
using Platform.Application.Jobs.WorkerReports;
using Platform.Contracts.Messages.Jobs;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Messaging.Consumers;

/// <summary>Answers a worker's claim: <see cref="JobClaimed"/> with a lease, or <see cref="JobClaimRefused"/>.</summary>
internal sealed class ClaimJobConsumer(SystemSender system) : IConsumer<ClaimJob>
{
    public async Task Consume(ConsumeContext<ClaimJob> context)
    {
        var answer = await system.SendAsync(new ClaimJobCommand(context.Message.JobId, context.Message.WorkerId), Actor.Worker(context.Message.WorkerId), context.CancellationToken);
        await context.RespondAsync(answer, answer.GetType());
    }
}

internal static class Actor
{
    public const string Platform = "platform";

    public static string Worker(string workerId) => "worker:" + workerId;
}
