namespace Platform.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Section <c>Bus</c>: in-memory for the embedded host, RabbitMQ for the distributed deployment.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>
    /// AMQP heartbeat. Short, because it is how the RabbitMQ client (7.2.2) notices reliably that a restarted broker
    /// dropped the connection: without it, sends could hang on the dead connection for minutes.
    /// </summary>
    public int HeartbeatSeconds { get; set; } = 10;
}
