namespace Platform.Contracts.Federated;

/// <summary>
/// What a federated site (a fleet device, with its device token) calls (docs/decisions/ADR-009). It registers its local
/// dataset by summary only, polls for a task, downloads the round's global weights, and answers each phase once; a
/// repeat of the same message is answered as the first, a different one for the same phase is refused (409).
/// </summary>
public static class FederatedSiteApi
{
    /// <summary>GET: the site's next <see cref="FederatedTask"/>, or 204 while nothing is asked of it.</summary>
    public const string Task = "/api/v1/fleet/device/federated-task";

    /// <summary>PUT <see cref="SiteDatasetSummary"/>: the site's local dataset, by name, as its summary (never its rows).</summary>
    public static string Dataset(string name) => $"/api/v1/fleet/device/datasets/{Uri.EscapeDataString(name)}";

    /// <summary>GET: the global weights a round starts from (float32, little-endian), whose SHA-256 the task names.</summary>
    public static string Weights(Guid federationId, Guid roundId) => $"/api/v1/fleet/device/federations/{federationId}/rounds/{roundId}/weights";

    /// <summary>POST <see cref="SiteUpdate"/>: the site's update for a round (masked, under secure aggregation).</summary>
    public static string Update(Guid federationId, Guid roundId) => $"/api/v1/fleet/device/federations/{federationId}/rounds/{roundId}/update";

    /// <summary>POST <see cref="SiteMessage"/>: a secure aggregation phase's message (<c>keys</c>, <c>shares</c> or <c>unmask</c>).</summary>
    public static string Message(Guid federationId, Guid roundId, string phase) => $"/api/v1/fleet/device/federations/{federationId}/rounds/{roundId}/{phase}";

    /// <summary>POST: the site withdraws its consent; it is asked nothing more by that federation.</summary>
    public static string Leave(Guid federationId) => $"/api/v1/fleet/device/federations/{federationId}/leave";
}
