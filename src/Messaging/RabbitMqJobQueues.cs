using Platform.Contracts.Messages.Jobs;
using RabbitMQ.Client;

namespace Platform.Messaging;

/// <summary>
/// Declares every job queue as a durable quorum queue with its exchange, exactly as a worker's receive endpoint
/// would, before the Api sends the first job. Jobs are then sent to the exchange: a job sent before any worker of
/// its kind has started waits in its queue instead of being dropped, and the sender never declares a classic queue
/// that a worker's quorum declaration would clash with.
/// </summary>
public static class RabbitMqJobQueues
{
    public static async Task DeclareAsync(BusOptions options, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VirtualHost,
            UserName = options.Username,
            Password = options.Password,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
        foreach (var kind in JobQueues.Kinds)
        {
            foreach (var hardware in JobQueues.HardwareClasses)
            {
                var name = JobQueues.For(kind, hardware);
                await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(name, name, string.Empty, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>Where to send a job: the exchange on RabbitMQ (see above), the queue in memory.</summary>
    public static Uri AddressOf(BusOptions options, string queue) =>
        new(options.Transport == BusTransport.RabbitMq ? $"exchange:{queue}" : $"queue:{queue}");
}
