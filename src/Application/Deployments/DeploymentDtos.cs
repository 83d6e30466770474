using System.Text.Json;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;
using Platform.Domain.Jobs;

namespace Platform.Application.Deployments;

/// <summary>
/// A deployment: its model, environment, hardware class and policies, the Active revision (the traffic now), the
/// revision being validated (if any), whether its monitoring raises the drift alert (<see cref="DriftAlert"/>: the newest
/// snapshot of a version its Active revision serves alerts, as <see cref="MonitoringDto.DriftAlert"/>) and, when asked for one deployment, the latest
/// monitoring per version.
/// </summary>
public sealed record DeploymentDto(
    Guid Id, string Name, string Model, DeploymentEnvironment Environment, HardwareClass HardwareClass, CanaryPolicy CanaryPolicy,
    DriftPolicy DriftPolicy, RevisionDto? Active, RevisionDto? Pending, MonitoringDto? Monitoring, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, int ConcurrencyVersion, bool DriftAlert)
{
    public static DeploymentDto From(
        Deployment d, string model, DeploymentRevision? active, DeploymentRevision? pending, MonitoringDto? monitoring, bool driftAlert) => new(
        d.Id, d.Name, model, d.Environment, d.HardwareClass, DeploymentMapping.ToContract(d.CanaryPolicy), DeploymentMapping.ToContract(d.DriftPolicy),
        active is null ? null : RevisionDto.From(active), pending is null ? null : RevisionDto.From(pending), monitoring,
        d.CreatedBy, d.CreatedAt, d.UpdatedAt, d.ConcurrencyVersion, driftAlert);
}

/// <summary>One revision of a deployment's desired state, with its validation result or rollback report as JSON.</summary>
public sealed record RevisionDto(
    int Number, RevisionState State, RevisionKind Kind, DeploymentEnvironment Environment, HardwareClass HardwareClass,
    IReadOnlyList<TrafficVersion> Versions, string Reason, string CreatedBy, DateTimeOffset CreatedAt, Guid? DeployJobId,
    JsonElement? Validation, string? FailureReason, int? PreviousRevision, int? RollbackOf, JsonElement? Report,
    DateTimeOffset? ActivatedAt, DateTimeOffset? EndedAt)
{
    public static RevisionDto From(DeploymentRevision r) => new(
        r.Number, r.State, r.Kind, r.Environment, r.HardwareClass, r.Traffic.Versions, r.Reason, r.CreatedBy, r.CreatedAt, r.DeployJobId,
        Element(r.ValidationResultJson), r.FailureReason, r.PreviousRevision, r.RollbackOf, Element(r.ReportJson), r.ActivatedAt, r.EndedAt);

    private static JsonElement? Element(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>What a PUT did: the deployment, and the deploy job validating the new revision (null when it became active at once).</summary>
public sealed record DeploymentChangeDto(DeploymentDto Deployment, Jobs.JobDto? Job);

/// <summary>A canary rollback report's outcome: <see cref="Changed"/> is false for a repeat (the revision was already rolled back or replaced).</summary>
public sealed record CanaryRollbackDto(bool Changed, DeploymentDto Deployment);

/// <summary>The latest figures a serving host reported per version, and whether any feature is drifting now.</summary>
public sealed record MonitoringDto(bool DriftAlert, IReadOnlyList<VersionMonitoringDto> Versions);

public sealed record VersionMonitoringDto(
    int Version, int Revision, string Host, DateTimeOffset From, DateTimeOffset To, long Requests, long Errors, double ErrorRate,
    double P50Milliseconds, double P95Milliseconds, double P99Milliseconds, int SampleSize, bool DriftAlert,
    IReadOnlyList<FeatureDrift> Drift, DateTimeOffset ReceivedAt)
{
    public static VersionMonitoringDto Of(MonitoringSnapshot s) => new(
        s.Version, s.Revision, s.Host, s.From, s.To, s.Requests, s.Errors, s.Requests == 0 ? 0 : (double)s.Errors / s.Requests,
        s.P50Milliseconds, s.P95Milliseconds, s.P99Milliseconds, s.SampleSize, s.DriftAlert,
        JsonSerializer.Deserialize<List<FeatureDrift>>(s.DriftJson, DeploymentMapping.Json) ?? [], s.ReceivedAt);
}

/// <summary>An inference key as listed: never the key itself.</summary>
public sealed record InferenceKeyDto(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static InferenceKeyDto From(InferenceKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedAt, k.RevokedAt);
}

/// <summary>A new inference key: <see cref="Key"/> is shown in this answer only.</summary>
public sealed record CreatedInferenceKeyDto(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);

internal static class DeploymentMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CanaryPolicy ToContract(CanarySettings s) => new(s.MaxErrorRate, s.MaxP95Milliseconds, s.WindowSeconds, s.MinRequests);

    public static DriftPolicy ToContract(DriftSettings s) => new(s.PsiThreshold, s.KsThreshold, s.MinSamples, s.IntervalSeconds);

    public static CanarySettings? ToDomain(CanaryPolicy? p) => p is null ? null : new(p.MaxErrorRate, p.MaxP95Milliseconds, p.WindowSeconds, p.MinRequests);

    public static DriftSettings? ToDomain(DriftPolicy? p) => p is null ? null : new(p.PsiThreshold, p.KsThreshold, p.MinSamples, p.IntervalSeconds);
}
