using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Evaluation;

/// <summary>Which ONNX Runtime execution provider to ask for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionProviderPreference>))]
public enum ExecutionProviderPreference
{
    Cpu,

    /// <summary>CUDA when this build of ONNX Runtime has it and a GPU is present; otherwise CPU, with the reason reported.</summary>
    Cuda,
}
