using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// The graph's preprocessing: ai.onnx.ml Imputer replacing NaN in the numeric <c>features</c> with the training means,
/// the one-hot indicators of the <c>categories</c> input appended (<see cref="CategoryNodes"/>), then, for linear models,
/// ai.onnx.ml Scaler computing (x − offset) · scale exactly as ML.NET's normaliser does.
/// </summary>
internal static class PreprocessingNodes
{
    public static string Add(OnnxGraphBuilder graph, ModelDefinition definition) =>
        Add(graph, definition.FeatureNames.Count, definition.Preprocessing, definition.Encoding);

    /// <summary>The same nodes for a model that is not read out of ML.NET (the federated trainer's), given its numeric feature count.</summary>
    public static string Add(OnnxGraphBuilder graph, int numericFeatures, Preprocessing preprocessing, CategoryEncoding encoding)
    {
        var parts = new List<string>();
        if (numericFeatures > 0)
        {
            parts.Add(graph.Add(
                "Imputer",
                [OnnxNames.Features],
                [
                    OnnxAttribute.Floats("imputed_value_floats", preprocessing.ImputationMeans[..numericFeatures]),
                    OnnxAttribute.Float("replaced_value_float", float.NaN),
                ],
                OnnxNames.MlDomain));
        }

        parts.AddRange(CategoryNodes.Add(graph, encoding));
        var encoded = parts.Count == 1 ? parts[0] : graph.Add("Concat", [.. parts], [OnnxAttribute.Int("axis", 1)]);
        if (preprocessing.Scale is null)
        {
            return encoded;
        }

        return graph.Add(
            "Scaler",
            [encoded],
            [
                OnnxAttribute.Floats("offset", preprocessing.Offset!),
                OnnxAttribute.Floats("scale", preprocessing.Scale),
            ],
            OnnxNames.MlDomain);
    }
}
