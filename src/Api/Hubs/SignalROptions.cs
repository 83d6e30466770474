namespace Platform.Api.Hubs;

/// <summary>Section <c>SignalR</c>: with more than one api replica, a Redis backplane shares groups between them.</summary>
public sealed class SignalROptions
{
    public const string Section = "SignalR";

    /// <summary>StackExchange.Redis connection string (e.g. <c>redis:6379</c>); no backplane when empty.</summary>
    public string? RedisConnectionString { get; set; }
}
