namespace Platform.Contracts.Api;

/// <summary>
/// What a serving host reads from and reports to the Api (the control plane), over REST with a token that holds the
/// Operator role. The host pulls the desired state and the model files it names, and reports what it measured and any
/// automatic canary rollback it made; the Api stores the reports, audits the rollback and notifies.
/// </summary>
public static class ServingControlPlaneApi
{
    /// <summary>GET: <see cref="ServingDesiredState"/>, every endpoint's active revision.</summary>
    public const string DesiredState = "/api/v1/serving/desired-state";

    /// <summary>The desired state's ETag for a <see cref="ServingDesiredState.Version"/>: sent back in If-None-Match, answered 304 while unchanged.</summary>
    public static string StateETag(long version) => $"\"{version}\"";

    /// <summary>GET: a model version's ONNX file (the registry's artefact route).</summary>
    public static string ModelFile(string model, int version) => $"/api/v1/models/{Uri.EscapeDataString(model)}/versions/{version}/artifact";

    /// <summary>POST <see cref="CanaryRollbackReport"/>: the host rolled an endpoint's canary back; answered by the deployment.</summary>
    public static string CanaryRollback(string endpoint) => $"/api/v1/deployments/{Uri.EscapeDataString(endpoint)}/canary-rollbacks";

    /// <summary>POST <see cref="MonitoringReport"/>: an endpoint's figures and drift since the last report.</summary>
    public static string Monitoring(string endpoint) => $"/api/v1/deployments/{Uri.EscapeDataString(endpoint)}/monitoring";
}

/// <summary>Every endpoint the hosts should serve, as of <paramref name="Version"/> (grows with every change).</summary>
public sealed record ServingDesiredState(long Version, IReadOnlyList<ServingEndpointState> Endpoints);

/// <summary>
/// One deployment's active revision. <paramref name="Name"/> is the endpoint (<c>/v2/models/{name}</c>);
/// <paramref name="InferenceKeyHashes"/> are the lower-case hex SHA-256 of the keys callers send as
/// <c>Authorization: Bearer psk_…</c> (the keys themselves are shown once at creation and never stored).
/// </summary>
public sealed record ServingEndpointState(
    string Name,
    Guid DeploymentId,
    int Revision,
    string Model,
    CanaryPolicy Canary,
    DriftPolicy Drift,
    IReadOnlyList<ServingVersionState> Versions,
    IReadOnlyList<string> InferenceKeyHashes);

/// <summary>
/// A model version on an endpoint with its relative traffic weight. <paramref name="IsCanary"/> marks the version the
/// revision is trying out (rolled back automatically on a breach). <paramref name="Baseline"/> is the training data's
/// per-feature profile (quantile bins) that drift is measured against; empty when the lineage names no dataset.
/// </summary>
public sealed record ServingVersionState(
    int Version,
    int Weight,
    bool IsCanary,
    string Sha256,
    IReadOnlyList<FeatureBaseline> Baseline);

/// <summary>Roll the canary back when, over the last <paramref name="WindowSeconds"/> and at least <paramref name="MinRequests"/> of its requests, its error rate or p95 latency passes the limit.</summary>
public sealed record CanaryPolicy(double MaxErrorRate, double MaxP95Milliseconds, int WindowSeconds, int MinRequests)
{
    public static readonly CanaryPolicy Default = new(0.05, 250, 60, 20);
}

/// <summary>Drift alert when a feature's PSI or KS statistic passes its threshold, checked every <paramref name="IntervalSeconds"/> once <paramref name="MinSamples"/> rows are sampled.</summary>
public sealed record DriftPolicy(double PsiThreshold, double KsThreshold, int MinSamples, int IntervalSeconds)
{
    public static readonly DriftPolicy Default = new(0.2, 0.2, 200, 60);
}

/// <summary>A numeric feature's baseline: quantile bin edges (B + 1) and the training rows per bin (B).</summary>
public sealed record FeatureBaseline(string Feature, IReadOnlyList<double> BinEdges, IReadOnlyList<long> BinCounts);

/// <summary>The host moved all of <paramref name="Revision"/>'s traffic off its canary <paramref name="Version"/>.</summary>
public sealed record CanaryRollbackReport(
    int Revision,
    int Version,
    string Reason,
    long Requests,
    long Errors,
    double ErrorRate,
    double P95Milliseconds,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string Host);

/// <summary>What a host measured on an endpoint's revision between <paramref name="From"/> and <paramref name="To"/>.</summary>
public sealed record MonitoringReport(int Revision, DateTimeOffset From, DateTimeOffset To, string Host, IReadOnlyList<VersionMonitoring> Versions);

public sealed record VersionMonitoring(
    int Version,
    long Requests,
    long Errors,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    int SampleSize,
    IReadOnlyList<FeatureDrift> Drift);

/// <summary>One feature's drift over the sampled inputs: population stability index and Kolmogorov–Smirnov statistic.</summary>
public sealed record FeatureDrift(string Feature, double Psi, double Ks, bool Alert);
