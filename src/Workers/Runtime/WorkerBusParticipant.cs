using MassTransit;
using Platform.Messaging;

namespace Platform.Workers.Runtime;

/// <summary>
/// The worker's side of the bus: one durable (quorum) receive endpoint per job queue it serves, at most
/// <see cref="WorkerOptions.MaxConcurrentJobs"/> jobs at once, and a private endpoint that hears cancellations.
/// </summary>
public sealed class WorkerBusParticipant(WorkerQueues queues, WorkerIdentity identity, int maxConcurrentJobs) : IBusParticipant
{
    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RunJobConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<CancelJobConsumer>().ExcludeFromConfigureEndpoints();
    }

    public void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator bus)
    {
        foreach (var queue in queues.Names)
        {
            bus.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.UseDurableQueue();
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PrefetchCount = maxConcurrentJobs;
                endpoint.ConcurrentMessageLimit = maxConcurrentJobs;
                endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
                endpoint.ConfigureConsumer<RunJobConsumer>(context);
            });
        }

        bus.ReceiveEndpoint(new TemporaryEndpointDefinition("worker-" + identity.Id), KebabCaseEndpointNameFormatter.Instance, endpoint =>
            endpoint.ConfigureConsumer<CancelJobConsumer>(context));
    }
}
