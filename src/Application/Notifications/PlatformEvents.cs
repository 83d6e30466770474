using System.Text.Json;
using Platform.Domain.Notifications;

namespace Platform.Application.Notifications;

/// <summary>
/// Publishes an integration event in the unit of work of the change it tells about: it is saved with the change or not
/// at all, and the notification dispatcher pushes it over SignalR and to webhooks afterwards.
/// </summary>
public static class PlatformEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static void Publish(this IPlatformDbContext db, IWorkspaceOwned about, IIntegrationEvent integrationEvent, DateTimeOffset now) =>
        db.PlatformEvents.Add(PlatformEvent.Raise(
            about.WorkspaceId, IntegrationEventTypes.Of(integrationEvent), JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Json), now));
}
