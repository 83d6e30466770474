using Platform.Serving.Models;

namespace Platform.Serving.Protocol;

/// <summary>A v2 inference request after validation: inputs in the model's input order, and the outputs asked for (<c>null</c>: all).</summary>
public sealed record InferenceRequest(string? Id, NamedTensor[] Inputs, string[]? Outputs);
