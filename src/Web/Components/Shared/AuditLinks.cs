using System.Text.Json;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>Where an audit event's entity lives in the portal, when it has a page there (a run, a job, a model by its recorded name …).</summary>
public static class AuditLinks
{
    public static string? For(AuditEvent e) => e.EntityType switch
    {
        "Experiment" => $"/experiments/{e.EntityId}",
        "Run" => $"/runs/{e.EntityId}",
        "Job" => $"/jobs/{e.EntityId}",
        "ModelVersion" or "ModelVersionTag" => VersionId(e.EntityId) is { } version ? $"/model-versions/{version}" : null,
        "RegisteredModel" => Named(e, "RegisteredModel") is { } model ? $"/models/{Uri.EscapeDataString(model)}" : null,
        "Deployment" => Named(e, "Deployment") is { } deployment ? $"/deployments/{Uri.EscapeDataString(deployment)}" : null,
        "User" => "/admin/users",
        "WebhookSubscription" => "/admin/webhooks",
        "ApprovalPolicy" => "/admin/policies",
        "PromotionRequest" => "/approvals",
        _ => null,
    };

    /// <summary>A version's id, or a version tag's (its key is the version's id, then the tag's key).</summary>
    private static Guid? VersionId(string entityId) => Guid.TryParse(entityId.Split('/')[0], out var id) ? id : null;

    /// <summary>The Name the event's summary records for its main record (present when it was added or renamed).</summary>
    private static string? Named(AuditEvent e, string type) =>
        e.Summary is { ValueKind: JsonValueKind.Object } summary && summary.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array
            ? records.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("type", out var t) && t.GetString() == type
                    && r.TryGetProperty("id", out var id) && id.GetString() == e.EntityId)
                .Select(r => r.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("Name", out var n)
                    && n.ValueKind == JsonValueKind.Object && n.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String ? after.GetString() : null)
                .FirstOrDefault(n => n is not null)
            : null;
}
