using MassTransit;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Infrastructure.Messaging.Consumers;

/// <summary>One job's log batches are stored one at a time, in arrival order (lines are numbered on the Api).</summary>
internal sealed class JobLoggedConsumerDefinition : ConsumerDefinition<JobLoggedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<JobLoggedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var partitioner = endpointConfigurator.CreatePartitioner(8);
        consumerConfigurator.Message<JobLogged>(m => m.UsePartitioner(partitioner, x => x.Message.JobId));
    }
}
