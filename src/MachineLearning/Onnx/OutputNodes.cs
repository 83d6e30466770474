using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// Turns raw scores into the graph outputs: <c>score</c> for regression; for classification
/// <c>probabilities</c> and <c>label</c> = ArgMax of the probabilities (first class on ties). The
/// sigmoid, softmax and normalisation are computed in double and cast to float, as ML.NET does:
/// in float, ONNX Runtime's fast approximations drift by ~1e-5 once one-versus-all probabilities
/// that are all small get normalised.
/// </summary>
internal static class OutputNodes
{
    public static void Add(OnnxGraphBuilder graph, string raw, OutputTransform output)
    {
        if (output.Kind == OutputKind.Identity)
        {
            graph.Add("Identity", [raw], output: OnnxNames.Score);
            return;
        }

        var probabilities = output.Kind switch
        {
            OutputKind.Sigmoid => Binary(graph, Platt(graph, raw, output)),
            OutputKind.Softmax => Softmax(graph, raw),
            _ => Normalised(graph, Platt(graph, raw, output)),
        };
        graph.Add("ArgMax", [probabilities], [OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0)], output: OnnxNames.Label);
    }

    /// <summary>p = 1 / (1 + exp(slope·s + offset)) per output column, in double, rounded to float.</summary>
    private static string Platt(OnnxGraphBuilder graph, string raw, OutputTransform output)
    {
        var count = output.PlattSlopes.Length;
        var slopes = graph.Constant("platt_slope", [count], output.PlattSlopes);
        var offsets = graph.Constant("platt_offset", [count], output.PlattOffsets);
        var one = graph.Constant("one", [1], [1.0]);
        var linear = graph.Add("Add", [graph.Add("Mul", [graph.Cast(raw, OnnxDataType.Double), slopes]), offsets]);
        var probability = graph.Add("Reciprocal", [graph.Add("Add", [graph.Add("Exp", [linear]), one])]);
        return graph.Cast(probability, OnnxDataType.Float);
    }

    private static string Binary(OnnxGraphBuilder graph, string positive)
    {
        var one = graph.Constant("one", [1], [1f]);
        var negative = graph.Add("Sub", [one, positive]);
        return graph.Add("Concat", [negative, positive], [OnnxAttribute.Int("axis", 1)], output: OnnxNames.Probabilities);
    }

    private static string Softmax(OnnxGraphBuilder graph, string raw)
    {
        var softmax = graph.Add("Softmax", [graph.Cast(raw, OnnxDataType.Double)], [OnnxAttribute.Int("axis", 1)]);
        return graph.Add("Cast", [softmax], [OnnxAttribute.Int("to", (long)OnnxDataType.Float)], output: OnnxNames.Probabilities);
    }

    /// <summary>p / sum(p) per row in double; a row whose probabilities are all 0 stays 0, as in ML.NET.</summary>
    private static string Normalised(OnnxGraphBuilder graph, string probabilities)
    {
        var asDouble = graph.Cast(probabilities, OnnxDataType.Double);
        var axes = graph.Constant("axes", [1], [1L]);
        var zero = graph.Constant("zero", [1], [0.0]);
        var sum = graph.Add("ReduceSum", [asDouble, axes], [OnnxAttribute.Int("keepdims", 1)]);
        var isZero = graph.Cast(graph.Add("Equal", [sum, zero]), OnnxDataType.Double);
        var divided = graph.Add("Div", [asDouble, graph.Add("Add", [sum, isZero])]);
        return graph.Add("Cast", [divided], [OnnxAttribute.Int("to", (long)OnnxDataType.Float)], output: OnnxNames.Probabilities);
    }
}
