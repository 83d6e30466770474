using Platform.MachineLearning.Onnx.Proto;

namespace Platform.MachineLearning.Onnx;

/// <summary>Collects nodes and initializers of a graph, giving every intermediate value a unique name.</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private int _counter;

    /// <summary>Adds a node with one output and returns the output's name (<paramref name="output"/> when given).</summary>
    public string Add(string opType, string[] inputs, OnnxAttribute[]? attributes = null, string domain = "", string? output = null)
    {
        var name = output ?? $"{opType.ToLowerInvariant()}_{++_counter}";
        _nodes.Add(new OnnxNode(opType, inputs, [name], $"{opType}_{_nodes.Count}", domain, attributes ?? []));
        return name;
    }

    /// <summary>Adds a float constant of the given shape and returns its name.</summary>
    public string Constant(string hint, long[] dims, float[] values) =>
        AddInitializer(OnnxTensor.Floats($"{hint}_{++_counter}", dims, values));

    /// <summary>Adds a double constant of the given shape and returns its name.</summary>
    public string Constant(string hint, long[] dims, double[] values) =>
        AddInitializer(OnnxTensor.Doubles($"{hint}_{++_counter}", dims, values));

    /// <summary>Adds an int64 constant of the given shape and returns its name.</summary>
    public string Constant(string hint, long[] dims, long[] values) =>
        AddInitializer(OnnxTensor.Int64s($"{hint}_{++_counter}", dims, values));

    /// <summary>Adds a Cast node to the given element type.</summary>
    public string Cast(string input, OnnxDataType to) =>
        Add("Cast", [input], [OnnxAttribute.Int("to", (long)to)]);

    public OnnxGraph Build(string name, IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyList<OnnxValueInfo> outputs) =>
        new(name, [.. _nodes], [.. _initializers], inputs, outputs);

    private string AddInitializer(OnnxTensor tensor)
    {
        _initializers.Add(tensor);
        return tensor.Name;
    }
}
