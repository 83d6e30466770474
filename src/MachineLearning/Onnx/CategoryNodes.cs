using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// One-hot encoding inside the graph, so that serving takes the raw values: per categorical column, its cells are taken
/// from the string input <c>categories</c> [N, C] (Gather on axis 1), ai.onnx.ml OneHotEncoder with the training values
/// (<c>zeros = 1</c>: an unknown or missing value is all zeros, as in training) gives [N, 1, K], reshaped to [N, K].
/// A column with no training values adds nothing.
/// </summary>
internal static class CategoryNodes
{
    public static IEnumerable<string> Add(OnnxGraphBuilder graph, CategoryEncoding encoding)
    {
        for (var column = 0; column < encoding.Columns.Count; column++)
        {
            var categories = encoding.Categories[column];
            if (categories.Length == 0)
            {
                continue;
            }

            var index = graph.Constant("column", [1], [(long)column]);
            var cells = graph.Add("Gather", [OnnxNames.Categories, index], [OnnxAttribute.Int("axis", 1)]);
            var oneHot = graph.Add(
                "OneHotEncoder", [cells], [OnnxAttribute.Strings("cats_strings", categories), OnnxAttribute.Int("zeros", 1)], OnnxNames.MlDomain);
            var shape = graph.Constant("shape", [2], [-1L, categories.Length]);
            yield return graph.Add("Reshape", [oneHot, shape]);
        }
    }
}
