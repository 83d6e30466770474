using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// The graph's preprocessing: ai.onnx.ml Imputer replacing NaN with the training means, then, for
/// linear models, ai.onnx.ml Scaler computing (x − offset) · scale exactly as ML.NET's normaliser does.
/// </summary>
internal static class PreprocessingNodes
{
    public static string Add(OnnxGraphBuilder graph, string input, Preprocessing preprocessing)
    {
        var imputed = graph.Add(
            "Imputer",
            [input],
            [
                OnnxAttribute.Floats("imputed_value_floats", preprocessing.ImputationMeans),
                OnnxAttribute.Float("replaced_value_float", float.NaN),
            ],
            OnnxNames.MlDomain);
        if (preprocessing.Scale is null)
        {
            return imputed;
        }

        return graph.Add(
            "Scaler",
            [imputed],
            [
                OnnxAttribute.Floats("offset", preprocessing.Offset!),
                OnnxAttribute.Floats("scale", preprocessing.Scale),
            ],
            OnnxNames.MlDomain);
    }
}
