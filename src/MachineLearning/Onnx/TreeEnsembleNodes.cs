using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// Tree ensembles as one ai.onnx.ml TreeEnsembleRegressor (one target per output) fed with the features
/// cast to double, with thresholds, leaf values and biases as double tensors: ONNX Runtime then sums in
/// double as ML.NET does. ML.NET node i keeps id i; leaf j gets id (internal node count + j).
/// </summary>
internal static class TreeEnsembleNodes
{
    public static string Add(OnnxGraphBuilder graph, string input, TreeEnsembleScore ensemble)
    {
        var nodes = new NodeColumns();
        var targets = new TargetColumns();
        var treeId = 0L;
        for (var output = 0; output < ensemble.TreesPerOutput.Count; output++)
        {
            foreach (var tree in ensemble.TreesPerOutput[output])
            {
                AddTree(nodes, targets, tree, treeId++, output);
            }
        }

        if (treeId == 0)
        {
            nodes.Add(0, 0, "LEAF", 0, 0, 0, 0);
            targets.Add(0, 0, 0, 0);
        }

        var asDouble = graph.Add("Cast", [input], [OnnxAttribute.Int("to", (long)OnnxDataType.Double)]);
        return graph.Add(
            "TreeEnsembleRegressor",
            [asDouble],
            [
                OnnxAttribute.Int("n_targets", ensemble.OutputCount),
                OnnxAttribute.String("aggregate_function", "SUM"),
                OnnxAttribute.String("post_transform", "NONE"),
                OnnxAttribute.Tensor("base_values_as_tensor", OnnxTensor.Doubles("base_values", [ensemble.OutputCount], ensemble.Bias)),
                OnnxAttribute.Ints("nodes_treeids", [.. nodes.TreeIds]),
                OnnxAttribute.Ints("nodes_nodeids", [.. nodes.NodeIds]),
                OnnxAttribute.Strings("nodes_modes", [.. nodes.Modes]),
                OnnxAttribute.Ints("nodes_featureids", [.. nodes.FeatureIds]),
                OnnxAttribute.Tensor("nodes_values_as_tensor", OnnxTensor.Doubles("nodes_values", [nodes.Values.Count], [.. nodes.Values])),
                OnnxAttribute.Ints("nodes_truenodeids", [.. nodes.TrueIds]),
                OnnxAttribute.Ints("nodes_falsenodeids", [.. nodes.FalseIds]),
                OnnxAttribute.Ints("target_treeids", [.. targets.TreeIds]),
                OnnxAttribute.Ints("target_nodeids", [.. targets.NodeIds]),
                OnnxAttribute.Ints("target_ids", [.. targets.TargetIds]),
                OnnxAttribute.Tensor("target_weights_as_tensor", OnnxTensor.Doubles("target_weights", [targets.Weights.Count], [.. targets.Weights])),
            ],
            OnnxNames.MlDomain);
    }

    private static void AddTree(NodeColumns nodes, TargetColumns targets, DecisionTree tree, long treeId, int output)
    {
        long Id(int child) => child >= 0 ? child : tree.NodeCount + ~child;
        for (var node = 0; node < tree.NodeCount; node++)
        {
            nodes.Add(treeId, node, "BRANCH_LEQ", tree.SplitFeature[node], tree.Threshold[node], Id(tree.LeftChild[node]), Id(tree.RightChild[node]));
        }

        for (var leaf = 0; leaf < tree.LeafValues.Length; leaf++)
        {
            nodes.Add(treeId, tree.NodeCount + leaf, "LEAF", 0, 0, 0, 0);
            targets.Add(treeId, tree.NodeCount + leaf, output, tree.LeafValues[leaf]);
        }
    }

    private sealed class NodeColumns
    {
        public List<long> TreeIds { get; } = [];
        public List<long> NodeIds { get; } = [];
        public List<string> Modes { get; } = [];
        public List<long> FeatureIds { get; } = [];
        public List<double> Values { get; } = [];
        public List<long> TrueIds { get; } = [];
        public List<long> FalseIds { get; } = [];

        public void Add(long tree, long node, string mode, long feature, double value, long trueId, long falseId)
        {
            TreeIds.Add(tree);
            NodeIds.Add(node);
            Modes.Add(mode);
            FeatureIds.Add(feature);
            Values.Add(value);
            TrueIds.Add(trueId);
            FalseIds.Add(falseId);
        }
    }

    private sealed class TargetColumns
    {
        public List<long> TreeIds { get; } = [];
        public List<long> NodeIds { get; } = [];
        public List<long> TargetIds { get; } = [];
        public List<double> Weights { get; } = [];

        public void Add(long tree, long node, long target, double weight)
        {
            TreeIds.Add(tree);
            NodeIds.Add(node);
            TargetIds.Add(target);
            Weights.Add(weight);
        }
    }
}
