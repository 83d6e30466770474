namespace Platform.Serving.Protocol;

/// <summary>A tensor in model metadata: name, datatype ("FP32"), shape with -1 for a dynamic dimension.</summary>
public sealed record TensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape);

/// <summary>
/// The Open Inference Protocol's model metadata, plus <c>parameters</c>: the execution provider used, whether requests
/// are micro-batched, the traffic weight of each version, and the feature names and classes of a Platform model.
/// </summary>
public sealed record ModelMetadataResponse(
    string Name,
    IReadOnlyList<string> Versions,
    string Platform,
    IReadOnlyList<TensorMetadata> Inputs,
    IReadOnlyList<TensorMetadata> Outputs,
    IReadOnlyDictionary<string, object?> Parameters);
