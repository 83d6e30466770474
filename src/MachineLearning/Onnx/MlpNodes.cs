using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// A one-hidden-layer perceptron as the linear models are exported: the hidden layer's Gemm (<see cref="LinearNodes"/>),
/// Relu on its float output, then the output layer's Gemm → raw scores [N, outputs].
/// </summary>
internal static class MlpNodes
{
    public static string Add(OnnxGraphBuilder graph, string input, MlpScore mlp)
    {
        var hidden = graph.Add("Relu", [LinearNodes.Add(graph, input, mlp.Hidden)]);
        return LinearNodes.Add(graph, hidden, mlp.Output);
    }
}
