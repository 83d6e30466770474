namespace Platform.Infrastructure.Messaging.Consumers;

/// <summary>The actor names recorded for work that arrives over the bus.</summary>
internal static class Actor
{
    public const string Platform = "platform";

    public static string Worker(string workerId) => "worker:" + workerId;
}
