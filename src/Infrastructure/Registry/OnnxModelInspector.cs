using Microsoft.ML.OnnxRuntime;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Registry;

/// <summary>Reads an ONNX file's inputs, outputs and metadata by loading it in ONNX Runtime (CPU, no inference).</summary>
internal sealed class OnnxModelInspector : IModelInspector
{
    public ModelInterface Inspect(Stream onnx)
    {
        using var buffer = new MemoryStream();
        onnx.CopyTo(buffer);
        try
        {
            using var session = new InferenceSession(buffer.ToArray());
            return new ModelInterface(
                Schema(session.InputMetadata), Schema(session.OutputMetadata),
                session.ModelMetadata.CustomMetadataMap.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException(e.Message.Split('\n')[0], e);
        }
    }

    private static List<TensorSchema> Schema(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        [.. nodes.Select(n => new TensorSchema(
            n.Key,
            n.Value.OnnxValueType == OnnxValueType.ONNX_TYPE_TENSOR ? n.Value.ElementDataType.ToString() : n.Value.OnnxValueType.ToString(),
            n.Value.OnnxValueType == OnnxValueType.ONNX_TYPE_TENSOR ? [.. n.Value.Dimensions.Select(d => (long)d)] : []))];
}
