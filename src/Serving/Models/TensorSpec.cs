namespace Platform.Serving.Models;

/// <summary>A model input or output as the model declares it: name, datatype and shape, -1 for a dynamic dimension.</summary>
public sealed record TensorSpec(string Name, TensorDatatype Datatype, IReadOnlyList<long> Shape)
{
    /// <summary>Whether the first dimension is dynamic, so that rows of several requests can be stacked along it.</summary>
    public bool HasDynamicBatch => Shape.Count >= 1 && Shape[0] < 0;

    /// <summary>The shape as the protocol writes it, e.g. "[-1,30]".</summary>
    public string ShapeText => $"[{string.Join(',', Shape)}]";
}
