using System.Text.Json;
using Platform.Domain.Notifications;

namespace Platform.Application.Notifications;

/// <summary>An event as people and receivers see it: pushed over SignalR and POSTed, as is, as a webhook's body.</summary>
public sealed record PlatformEventDto(Guid Id, string Type, DateTimeOffset OccurredAt, JsonElement Data)
{
    /// <summary>The workspace it happened in: only its watchers and its webhooks are told.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid WorkspaceId { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PlatformEventDto From(PlatformEvent e)
    {
        using var document = JsonDocument.Parse(e.PayloadJson);
        return new PlatformEventDto(e.Id, e.Type, e.OccurredAt, document.RootElement.Clone()) { WorkspaceId = e.WorkspaceId };
    }

    /// <summary>The model the event is about (its payload's <c>model</c>), if it names one.</summary>
    public string? Model =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()
            : null;

    public bool IsAboutPromotion => Type.StartsWith("promotion.", StringComparison.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
