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
}
