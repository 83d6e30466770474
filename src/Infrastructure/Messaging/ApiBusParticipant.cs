using MassTransit;
using Platform.Messaging;
using Platform.Infrastructure.Messaging.Consumers;

namespace Platform.Infrastructure.Messaging;

/// <summary>The Api's side of the bus: what workers report (progress, logs, metrics, heartbeats) and undeliverable jobs. Competing consumers across replicas.</summary>
public sealed class ApiBusParticipant : IBusParticipant
{
    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<JobProgressedConsumer>();
        bus.AddConsumer<JobLoggedConsumer, JobLoggedConsumerDefinition>();
        bus.AddConsumer<JobMetricsLoggedConsumer>();
        bus.AddConsumer<RunJobFaultConsumer>();
        bus.AddConsumer<WorkerHeartbeatConsumer, WorkerHeartbeatConsumerDefinition>();
        bus.AddConsumer<WorkerStoppedConsumer>();
    }

    public void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator bus)
    {
    }
}
