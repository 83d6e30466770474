using MassTransit;

namespace Platform.Messaging;

/// <summary>
/// A part of a process that uses the bus (the Api's consumers, a worker's). A process has one bus; the embedded
/// host has both participants on it.
/// </summary>
public interface IBusParticipant
{
    void AddConsumers(IBusRegistrationConfigurator bus);

    /// <summary>Receive endpoints the participant configures itself (the rest use the default conventions).</summary>
    void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator bus);
}
