using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// Exports a federated model with the interface of the other built-in trainers' models (<see cref="OnnxModelExporter"/>),
/// so that evaluation, serving and the edge take it unchanged: input <c>features</c> float [N, F] of raw values (NaN =
/// missing); the <see cref="FeatureScaling"/> as Imputer and Scaler nodes; Gemm (Softmax) or Gemm, Relu, Gemm (Mlp);
/// outputs <c>probabilities</c> float [N, C] (softmax) and <c>label</c> int64 [N]; <see cref="OnnxModelMetadata"/> with
/// trainer "FederatedSoftmax" or "FederatedMlp", and the task binary for two classes, multiclass for more.
/// </summary>
public static class FederatedOnnxExporter
{
    public static byte[] Export(
        FederatedModelSpec spec,
        ReadOnlySpan<float> weights,
        FeatureScaling scaling,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<string> classes,
        string labelColumn,
        IReadOnlyDictionary<string, string> hyperparameters,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        spec.CheckWeights(weights, nameof(weights));
        Require(scaling.Features == spec.Features, $"The scaling is of {scaling.Features} features; the model takes {spec.Features}.", nameof(scaling));
        Require(featureNames.Count == spec.Features, $"{featureNames.Count} feature names for a model of {spec.Features} features.", nameof(featureNames));
        Require(classes.Count == spec.Classes, $"{classes.Count} class names for a model of {spec.Classes} classes.", nameof(classes));

        var graph = new OnnxGraphBuilder();
        var scaled = PreprocessingNodes.Add(graph, spec.Features, scaling.ToPreprocessing(), CategoryEncoding.None);
        var raw = ScoreOf(spec, weights) switch
        {
            MlpScore mlp => MlpNodes.Add(graph, scaled, mlp),
            var linear => LinearNodes.Add(graph, scaled, (LinearScore)linear),
        };
        OutputNodes.Add(graph, raw, OutputTransform.Softmax);

        var task = spec.Classes == 2 ? TrainingTask.BinaryClassification : TrainingTask.MulticlassClassification;
        var trainer = $"Federated{spec.Kind}";
        var metadata = new OnnxModelMetadata(task, trainer, [.. featureNames], [.. classes], labelColumn, new Dictionary<string, string>(hyperparameters), seed);
        return OnnxModelExporter.Serialize(
            graph,
            metadata,
            $"{trainer} {task} model with {spec.Features} numeric features",
            [new OnnxValueInfo(OnnxNames.Features, OnnxDataType.Float, [null, spec.Features])],
            [
                new OnnxValueInfo(OnnxNames.Label, OnnxDataType.Int64, [null]),
                new OnnxValueInfo(OnnxNames.Probabilities, OnnxDataType.Float, [null, spec.Classes]),
            ]);
    }

    /// <summary>The flat weights as the exporters' score functions: a <see cref="LinearScore"/> for Softmax, an <see cref="MlpScore"/> for an Mlp.</summary>
    internal static ScoreFunction ScoreOf(FederatedModelSpec spec, ReadOnlySpan<float> weights)
    {
        var output = Layer(weights, spec.OutputWeightsOffset, spec.OutputBiasOffset, spec.Classes, spec.OutputInputs);
        return spec.Kind == FederatedModelKind.Mlp
            ? new MlpScore(Layer(weights, 0, spec.HiddenBiasOffset, spec.Hidden, spec.Features), output)
            : output;
    }

    /// <summary>One dense layer of the flat layout: <paramref name="units"/> rows of <paramref name="inputs"/> weights, then the biases.</summary>
    private static LinearScore Layer(ReadOnlySpan<float> weights, int weightsOffset, int biasOffset, int units, int inputs)
    {
        var rows = new float[units][];
        for (var u = 0; u < units; u++)
        {
            rows[u] = weights.Slice(weightsOffset + (u * inputs), inputs).ToArray();
        }

        return new LinearScore(rows, weights.Slice(biasOffset, units).ToArray());
    }

    private static void Require(bool condition, string message, string parameterName)
    {
        if (!condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
