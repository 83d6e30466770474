using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>
/// A deployment as the portal reads it: the active revision, the one being validated, whether its monitoring raises the drift
/// alert (in lists too) and, for one deployment, the latest monitoring.
/// </summary>
public sealed record DeploymentInfo(
    Guid Id, string Name, string Model, string Environment, string HardwareClass, CanaryPolicyInfo CanaryPolicy, DriftPolicyInfo DriftPolicy,
    RevisionInfo? Active, RevisionInfo? Pending, MonitoringInfo? Monitoring, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    int ConcurrencyVersion, bool DriftAlert = false)
{
    public bool Validating => Pending is not null;
}

public sealed record CanaryPolicyInfo(double MaxErrorRate, double MaxP95Milliseconds, int WindowSeconds, int MinRequests);

public sealed record DriftPolicyInfo(double PsiThreshold, double KsThreshold, int MinSamples, int IntervalSeconds);

/// <summary>A model version on a revision with its relative weight; <see cref="Canary"/> marks the one being tried out.</summary>
public sealed record TrafficVersionInfo(int Version, int Weight, bool Canary);

/// <summary>One revision: kind Change/Rollback/CanaryRollback, state, traffic, who and why, the deploy job's result and a canary rollback's report.</summary>
public sealed record RevisionInfo(
    int Number, string State, string Kind, string Environment, string HardwareClass, IReadOnlyList<TrafficVersionInfo> Versions, string Reason,
    string CreatedBy, DateTimeOffset CreatedAt, Guid? DeployJobId, JsonElement? Validation, string? FailureReason, int? PreviousRevision,
    int? RollbackOf, JsonElement? Report, DateTimeOffset? ActivatedAt, DateTimeOffset? EndedAt)
{
    /// <summary>The deploy job's measured latency per version (microseconds), empty when the revision had no job or it measured nothing.</summary>
    public IReadOnlyList<ValidationFigures> Latency => Validation is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("versions", out var versions)
        ? versions.Deserialize<List<ValidationFigures>>(ApiJson.Options) ?? []
        : [];

    /// <summary>The serving host's figures behind an automatic canary rollback, when this revision is one.</summary>
    public CanaryRollbackFigures? Rollback => Report is { ValueKind: JsonValueKind.Object } r ? r.Deserialize<CanaryRollbackFigures>(ApiJson.Options) : null;

    public int TotalWeight => Versions.Sum(v => v.Weight);

    /// <summary>A version's share of the traffic in percent.</summary>
    public double Share(TrafficVersionInfo version) => TotalWeight == 0 ? 0 : 100.0 * version.Weight / TotalWeight;
}

/// <summary>One version's validation by the deploy job: latency percentiles in microseconds and the provider used.</summary>
public sealed record ValidationFigures(int Version, string ProviderUsed, double P50Microseconds, double P99Microseconds, int Runs);

public sealed record CanaryRollbackFigures(
    int Revision, int Version, string Reason, long Requests, long Errors, double ErrorRate, double P95Milliseconds, DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd, string Host);

/// <summary>The latest figures per version and whether any feature drifts now.</summary>
public sealed record MonitoringInfo(bool DriftAlert, IReadOnlyList<VersionMonitoringInfo> Versions);

public sealed record VersionMonitoringInfo(
    int Version, int Revision, string Host, DateTimeOffset From, DateTimeOffset To, long Requests, long Errors, double ErrorRate,
    double P50Milliseconds, double P95Milliseconds, double P99Milliseconds, int SampleSize, bool DriftAlert, IReadOnlyList<FeatureDriftInfo> Drift,
    DateTimeOffset ReceivedAt);

/// <summary>One feature's drift: population stability index and Kolmogorov–Smirnov statistic, and whether it raised the alert.</summary>
public sealed record FeatureDriftInfo(string Feature, double Psi, double Ks, bool Alert);

/// <summary>What a change of desired state did: the deployment, and the deploy job validating it (null when it became active at once).</summary>
public sealed record DeploymentChange(DeploymentInfo Deployment, JobInfo? Job);

/// <summary>An inference key as listed: never the key itself.</summary>
public sealed record InferenceKeyInfo(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A new inference key: <see cref="Key"/> is in this answer only.</summary>
public sealed record CreatedInferenceKey(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);
