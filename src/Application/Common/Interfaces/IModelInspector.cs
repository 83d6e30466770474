namespace Platform.Application.Common.Interfaces;

/// <summary>Reads an ONNX file's interface: its inputs and outputs (names, element types, shapes) and metadata.</summary>
public interface IModelInspector
{
    /// <exception cref="InvalidDataException">The content is not an ONNX model ONNX Runtime can load.</exception>
    ModelInterface Inspect(Stream onnx);
}

/// <param name="Inputs">Per tensor: name, element type, shape (-1 for a dynamic dimension).</param>
public sealed record ModelInterface(IReadOnlyList<TensorSchema> Inputs, IReadOnlyList<TensorSchema> Outputs, IReadOnlyDictionary<string, string> Metadata);

public sealed record TensorSchema(string Name, string ElementType, IReadOnlyList<long> Shape);
