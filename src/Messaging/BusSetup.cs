using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging;

public static class BusSetup
{
    /// <summary>One MassTransit bus for the process: the transport from configuration, durable quorum queues on
    /// RabbitMQ, exponential retry for transient faults, JSON that carries NaN and infinities, and no usage telemetry.</summary>
    public static IServiceCollection AddPlatformBus(this IServiceCollection services, IConfiguration configuration, params IBusParticipant[] participants)
    {
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        services.AddMassTransit(x =>
        {
            // MassTransit 8.4+ reports usage to its vendor's host after start unless told not to: nothing leaves unasked.
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            foreach (var participant in participants)
            {
                participant.AddConsumers(x);
            }

            x.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                endpoint.UseDurableQueue();
                endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
            });

            if (options.Transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, bus) =>
                {
                    bus.Host(options.Host, options.Port, options.VirtualHost, h =>
                    {
                        h.Username(options.Username);
                        h.Password(options.Password);
                        // Publisher confirms off: with RabbitMQ.Client 7.2.2 a publish awaiting a confirm can hang for good
                        // after a broker restart (rabbitmq-dotnet-client#1930). What must arrive is acknowledged by
                        // the application instead: job ends are requests, and unclaimed jobs are sent again.
                        h.PublisherConfirmation = false;
                        h.Heartbeat(TimeSpan.FromSeconds(Math.Max(1, options.HeartbeatSeconds)));
                    });
                    Configure(context, bus, participants);
                });
            }
            else
            {
                x.UsingInMemory((context, bus) => Configure(context, bus, participants));
            }
        });
        return services;
    }

    /// <summary>Quorum queues on RabbitMQ (replicated, durable); nothing to do in memory.</summary>
    public static void UseDurableQueue(this IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }
    }

    private static void Configure<T>(IBusRegistrationContext context, IBusFactoryConfigurator<T> bus, IBusParticipant[] participants)
        where T : IReceiveEndpointConfigurator
    {
        bus.ConfigureJsonSerializerOptions(json =>
        {
            json.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return json;
        });
        foreach (var participant in participants)
        {
            participant.ConfigureEndpoints(context, bus);
        }

        bus.ConfigureEndpoints(context);
    }
}
