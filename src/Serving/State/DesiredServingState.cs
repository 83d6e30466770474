using Platform.Contracts.Api;

namespace Platform.Serving.State;

/// <summary>What the serving host should serve: endpoints by name, each with weighted model versions.</summary>
public sealed record DesiredServingState
{
    public EndpointSpec[] Endpoints { get; init; } = [];
}

/// <summary>An endpoint (the model name in <c>/v2/models/{name}</c>) and the versions that share its traffic.</summary>
public sealed record EndpointSpec
{
    public string Name { get; init; } = "";

    public VersionSpec[] Versions { get; init; } = [];

    /// <summary>
    /// Lower-case hex SHA-256 of the inference keys this endpoint accepts; <c>null</c> takes <c>Serving:InferenceKeyHashes</c>
    /// (open when that is empty too). The control plane always sets it: an empty list then accepts no key.
    /// </summary>
    public string[]? InferenceKeyHashes { get; init; }

    /// <summary>The deployment's revision this endpoint serves (0 when not from the control plane).</summary>
    public int Revision { get; init; }

    /// <summary>When the canary is rolled back automatically; <c>null</c>: never.</summary>
    public CanaryPolicy? Canary { get; init; }

    /// <summary>How drift is checked and reported; <c>null</c>: <see cref="DriftPolicy.Default"/>.</summary>
    public DriftPolicy? Drift { get; init; }
}

/// <summary>
/// A model version on an endpoint: its ONNX file (relative paths resolve against <c>Serving:ModelRoot</c>) and its
/// traffic weight. Weights are relative (90 and 10 give 90 % and 10 %); a weight of 0 keeps the version loaded and
/// reachable by <c>/versions/{version}</c> only.
/// </summary>
public sealed record VersionSpec
{
    public string Version { get; init; } = "";

    public string ModelPath { get; init; } = "";

    public int Weight { get; init; } = 100;

    /// <summary>The version the revision is trying out: the canary watchdog moves its traffic away on a breach.</summary>
    public bool IsCanary { get; init; }

    /// <summary>The training data's per-feature quantile bins that drift is measured against.</summary>
    public FeatureBaseline[] Baseline { get; init; } = [];
}
