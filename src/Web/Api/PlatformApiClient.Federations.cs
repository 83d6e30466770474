using System.Globalization;

namespace Platform.Web.Api;

/// <summary>The federated-training pages' calls: list, define, read one with its rounds and sites, admit sites and cancel.</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>The most rows the Api gives in one page of federations or of a federation's rounds.</summary>
    public const int MaxFederationPage = 100;

    /// <summary>The workspace's federations, newest first (paged), of one experiment or state when given.</summary>
    public Task<Page<FederationInfo>> FederationsAsync(Guid? experimentId, string? state, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<FederationInfo>>(
            $"api/v1/federations?limit={Math.Clamp(limit, 1, MaxFederationPage)}{Query("experimentId", experimentId?.ToString())}{Query("state", state)}{Cursor(cursor)}", ct);

    public Task<FederationInfo> FederationAsync(Guid id, CancellationToken ct = default) => GetAsync<FederationInfo>($"api/v1/federations/{id}", ct);

    /// <summary>Defines a federated training in an experiment (DataScientist), as a run of it; a bad plan is a 400 naming fields such as <c>plan.quorum</c>.</summary>
    public Task<FederationInfo> StartFederationAsync(Guid experimentId, string name, FederationPlanInfo plan, CancellationToken ct = default) =>
        PostAsync<FederationInfo>("api/v1/federations", new { experimentId, name, plan }, ct);

    /// <summary>A federation's rounds, every attempt, newest first (paged).</summary>
    public Task<Page<FederationRoundInfo>> FederationRoundsAsync(Guid id, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<FederationRoundInfo>>($"api/v1/federations/{id}/rounds?limit={Math.Clamp(limit, 1, MaxFederationPage).ToString(CultureInfo.InvariantCulture)}{Cursor(cursor)}", ct);

    /// <summary>The sites admitted to a federation and those that left (paged, by device).</summary>
    public Task<Page<FederationSiteInfo>> FederationSitesAsync(Guid id, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<FederationSiteInfo>>($"api/v1/federations/{id}/sites?limit={limit.ToString(CultureInfo.InvariantCulture)}{Cursor(cursor)}", ct);

    /// <summary>Admits devices to a federation as its sites (Operator): their consent; a device not of the fleet is a 404.</summary>
    public Task<AdmittedSitesInfo> AdmitSitesAsync(Guid id, IReadOnlyList<Guid> deviceIds, CancellationToken ct = default) =>
        PostAsync<AdmittedSitesInfo>($"api/v1/federations/{id}/sites", new { deviceIds }, ct);

    /// <summary>Cancels a federation (DataScientist): its open round is dropped and its run ends Killed.</summary>
    public Task<FederationInfo> CancelFederationAsync(Guid id, CancellationToken ct = default) => PostAsync<FederationInfo>($"api/v1/federations/{id}/cancel", new { }, ct);
}
