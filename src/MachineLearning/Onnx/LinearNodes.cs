using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// A linear score function as one Gemm in double: [N, F] × W[F, outputs] + bias[outputs] → raw scores
/// [N, outputs], cast back to float. The preprocessed features stay float, as in ML.NET.
/// </summary>
internal static class LinearNodes
{
    public static string Add(OnnxGraphBuilder graph, string input, LinearScore linear)
    {
        var outputs = linear.Weights.Length;
        var features = linear.Weights[0].Length;
        var weights = new double[features * outputs];
        for (var f = 0; f < features; f++)
        {
            for (var o = 0; o < outputs; o++)
            {
                weights[(f * outputs) + o] = linear.Weights[o][f];
            }
        }

        var b = graph.Constant("weights", [features, outputs], weights);
        var c = graph.Constant("bias", [outputs], [.. linear.Bias.Select(value => (double)value)]);
        var gemm = graph.Add("Gemm", [graph.Cast(input, OnnxDataType.Double), b, c], [OnnxAttribute.Float("alpha", 1f), OnnxAttribute.Float("beta", 1f)]);
        return graph.Cast(gemm, OnnxDataType.Float);
    }
}
