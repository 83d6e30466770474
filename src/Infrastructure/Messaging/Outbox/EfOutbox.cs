using System.Diagnostics;
using System.Text.Json;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Jobs;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Messaging.Outbox;

/// <summary>Adds outgoing messages to the DbContext, so that they commit (or not) with the change that caused them.</summary>
internal sealed class EfOutbox(PlatformDbContext db, TimeProvider clock) : IOutbox
{
    public void Send<T>(string queue, T message)
        where T : class => Add(message, queue);

    public void Publish<T>(T message)
        where T : class => Add(message, null);

    private void Add<T>(T message, string? destination)
        where T : class =>
        db.OutboxMessages.Add(OutboxMessage.Create(
            typeof(T).FullName!, JsonSerializer.Serialize(message, OutboxJson.Options), destination, Activity.Current?.Id, clock.GetUtcNow()));
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
