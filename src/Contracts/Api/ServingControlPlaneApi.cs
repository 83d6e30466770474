namespace Platform.Contracts.Api;

/// <summary>
/// What a serving host reads from and reports to the Api (the control plane), over REST with a token that holds the
/// Operator role. The host pulls the desired state and the model files it names, and reports what it measured and any
/// automatic canary rollback it made; the Api stores the reports, audits the rollback and notifies.
/// </summary>
public static class ServingControlPlaneApi
{
    /// <summary>
    /// GET: <see cref="ServingDesiredState"/>, the active revision of every deployment in each workspace the caller
    /// operates in (platform-wide: one poll for all of a host's workspaces).
    /// </summary>
    public const string DesiredState = "/api/v1/serving/desired-state";

    /// <summary>
    /// <see cref="DesiredState"/> for every workspace the caller operates in; without the query, the default
    /// workspace's deployments only (what a host that predates workspaces can serve).
    /// </summary>
    public const string DesiredStateOfAllWorkspaces = DesiredState + "?" + AllWorkspacesQuery;

    /// <summary>The query that asks for every workspace's deployments.</summary>
    public const string AllWorkspacesQuery = "workspaces=all";

    /// <summary>The desired state's ETag for a <see cref="ServingDesiredState.Version"/>: sent back in If-None-Match, answered 304 while unchanged.</summary>
    public static string StateETag(long version) => $"\"{version}\"";

    /// <summary>GET: a model version's ONNX file (the registry's artefact route, in the model's workspace).</summary>
    public static string ModelFile(string workspace, string model, int version) =>
        $"{In(workspace)}/models/{Uri.EscapeDataString(model)}/versions/{version}/artifact";

    /// <summary>POST <see cref="CanaryRollbackReport"/>: the host rolled an endpoint's canary back; answered by the deployment.</summary>
    public static string CanaryRollback(string workspace, string deployment) =>
        $"{In(workspace)}/deployments/{Uri.EscapeDataString(deployment)}/canary-rollbacks";

    /// <summary>POST <see cref="MonitoringReport"/>: an endpoint's figures and drift since the last report.</summary>
    public static string Monitoring(string workspace, string deployment) =>
        $"{In(workspace)}/deployments/{Uri.EscapeDataString(deployment)}/monitoring";

    /// <summary>
    /// The name a host serves a deployment under: its own name in the default workspace (<c>/v2/models/{name}</c>),
    /// <c>{workspace}/{name}</c> elsewhere (<c>/workspaces/{workspace}/v2/models/{name}</c>), so two workspaces'
    /// deployments of one name never collide on a host that serves both.
    /// </summary>
    public static string EndpointName(string workspace, string deployment) =>
        workspace == DefaultWorkspace ? deployment : $"{workspace}/{deployment}";

    /// <summary>The workspace and deployment an <see cref="EndpointName"/> stands for.</summary>
    public static (string Workspace, string Deployment) Deployment(string endpointName) =>
        endpointName.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            ? (endpointName[..slash], endpointName[(slash + 1)..])
            : (DefaultWorkspace, endpointName);

    /// <summary>The workspace every installation has (a path without one means it).</summary>
    public const string DefaultWorkspace = "default";

    private static string In(string workspace) => $"/api/v1/workspaces/{Uri.EscapeDataString(workspace)}";
}

/// <summary>Every endpoint the hosts should serve, as of <paramref name="Version"/> (grows with every change).</summary>
public sealed record ServingDesiredState(long Version, IReadOnlyList<ServingEndpointState> Endpoints);

/// <summary>
/// One deployment's active revision. <paramref name="Name"/> is the deployment's name in <paramref name="Workspace"/>
/// (served as <see cref="ServingControlPlaneApi.EndpointName"/>);
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
    IReadOnlyList<string> InferenceKeyHashes,
    string Workspace = ServingControlPlaneApi.DefaultWorkspace);

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
