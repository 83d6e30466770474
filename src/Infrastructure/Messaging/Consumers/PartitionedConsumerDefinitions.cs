using MassTransit;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Infrastructure.Messaging.Consumers;

/// <summary>Messages with the same key are consumed one at a time, in arrival order; different keys in parallel.</summary>
internal abstract class PartitionedConsumerDefinition<TConsumer, TMessage> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<TMessage>
    where TMessage : class
{
    protected abstract string KeyOf(TMessage message);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var partitioner = endpointConfigurator.CreatePartitioner(8);
        consumerConfigurator.Message<TMessage>(m => m.UsePartitioner(partitioner, x => KeyOf(x.Message)));
    }
}

/// <summary>One job's log batches are stored one at a time, in arrival order (lines are numbered on the Api).</summary>
internal sealed class JobLoggedConsumerDefinition : PartitionedConsumerDefinition<JobLoggedConsumer, JobLogged>
{
    protected override string KeyOf(JobLogged message) => message.JobId.ToString();
}

/// <summary>
/// One worker's heartbeats are recorded one at a time: two first heartbeats at once would both try to register the
/// worker, and one would fail on the unique key.
/// </summary>
internal sealed class WorkerHeartbeatConsumerDefinition : PartitionedConsumerDefinition<WorkerHeartbeatConsumer, WorkerHeartbeat>
{
    protected override string KeyOf(WorkerHeartbeat message) => message.WorkerId;
}
