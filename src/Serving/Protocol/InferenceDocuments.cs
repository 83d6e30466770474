using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Serving.Protocol;

// The shapes of /infer and /predict as the OpenAPI document shows them, so that a generated client can call them.
// The handlers read and write these bodies themselves, streaming; these records are the description only.

/// <summary>An Open Inference Protocol request: named input tensors (data flat or nested, row-major) and optionally the outputs wanted.</summary>
public sealed record InferRequestDocument(
    [property: JsonPropertyName("inputs")] IReadOnlyList<InferInputDocument> Inputs,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("outputs")] IReadOnlyList<InferRequestedOutputDocument>? Outputs = null,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement>? Parameters = null);

/// <summary>One input tensor: <c>datatype</c> FP32, FP64, INT32, INT64, BOOL or BYTES; <c>shape</c> with -1 nowhere.</summary>
public sealed record InferInputDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("data")] JsonElement Data);

public sealed record InferRequestedOutputDocument([property: JsonPropertyName("name")] string Name);

/// <summary>The answer: which model version ran, and each output tensor.</summary>
public sealed record InferResponseDocument(
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("outputs")] IReadOnlyList<InferOutputDocument> Outputs);

public sealed record InferOutputDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape,
    [property: JsonPropertyName("data")] JsonElement Data);

/// <summary>JSON records: each an object of feature name → value (null = missing) or an array in feature order.</summary>
public sealed record PredictRequestDocument([property: JsonPropertyName("records")] IReadOnlyList<JsonElement> Records);

/// <summary>One prediction per record: <c>{"label", "probabilities"}</c> for a classifier, <c>{"score"}</c> for a regressor, each output by name otherwise.</summary>
public sealed record PredictResponseDocument(
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("predictions")] IReadOnlyList<JsonElement> Predictions);

/// <summary><c>GET /v2</c>: the server's name, version and protocol extensions.</summary>
public sealed record ServerMetadataDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("extensions")] IReadOnlyList<string> Extensions);

/// <summary><c>GET /v2/health/live</c>.</summary>
public sealed record LivenessDocument([property: JsonPropertyName("live")] bool Live);

/// <summary><c>GET /v2/health/ready</c> (200 ready, 503 not yet).</summary>
public sealed record ReadinessDocument([property: JsonPropertyName("ready")] bool Ready);
