using System.Reflection;
using Platform.MachineLearning.Onnx.Proto;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// Exports a <see cref="TrainedModel"/> to ONNX (opset 17, ai.onnx.ml 3): input <c>features</c> float [N, F] (the
/// numeric features) and, for a model with categorical features, <c>categories</c> string [N, C] (their raw values);
/// imputation, one-hot encoding and normalisation inside the graph; tree ensembles as
/// TreeEnsembleRegressor, linear models as Gemm; outputs <c>label</c> and <c>probabilities</c>
/// (classification) or <c>score</c> (regression); <see cref="OnnxModelMetadata"/> in metadata_props.
/// </summary>
public static class OnnxModelExporter
{
    public static byte[] Export(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var definition = model.Definition;
        var graph = new OnnxGraphBuilder();
        var preprocessed = PreprocessingNodes.Add(graph, definition);
        var raw = definition.Score switch
        {
            TreeEnsembleScore trees => TreeEnsembleNodes.Add(graph, preprocessed, trees),
            LinearScore linear => LinearNodes.Add(graph, preprocessed, linear),
            var other => throw new NotSupportedException($"Score function {other.GetType().Name} cannot be exported."),
        };
        OutputNodes.Add(graph, raw, definition.Output);

        var metadata = new OnnxModelMetadata(
            model.Task, model.Trainer.ToString(), model.FeatureNames, model.Classes, model.LabelColumn, model.Hyperparameters, model.Seed)
        {
            CategoricalFeatureNames = model.CategoricalFeatureNames,
        };
        return Serialize(
            graph,
            metadata,
            $"{model.Trainer} {model.Task} model with {model.FeatureNames.Count} numeric and {model.CategoricalFeatureNames.Count} categorical features",
            Inputs(definition),
            Outputs(definition));
    }

    /// <summary>Writes the ONNX bytes to <paramref name="destination"/>.</summary>
    public static void Export(TrainedModel model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Export(model));
    }

    /// <summary>The model file around a built graph: IR version, producer, operator sets and metadata, as every exporter writes it.</summary>
    internal static byte[] Serialize(
        OnnxGraphBuilder graph, OnnxModelMetadata metadata, string description, IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyList<OnnxValueInfo> outputs) =>
        OnnxProtoWriter.Serialize(new OnnxModel(
            OnnxNames.IrVersion,
            OnnxModelMetadata.ProducerName,
            typeof(OnnxModelExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            description,
            new Dictionary<string, long> { [""] = OnnxNames.DefaultOpset, [OnnxNames.MlDomain] = OnnxNames.MlOpset },
            graph.Build("platform_model", inputs, outputs),
            metadata.ToProperties()));

    private static List<OnnxValueInfo> Inputs(ModelDefinition definition)
    {
        var inputs = new List<OnnxValueInfo>();
        if (definition.FeatureNames.Count > 0)
        {
            inputs.Add(new OnnxValueInfo(OnnxNames.Features, OnnxDataType.Float, [null, definition.FeatureNames.Count]));
        }

        if (definition.Encoding.Columns.Count > 0)
        {
            inputs.Add(new OnnxValueInfo(OnnxNames.Categories, OnnxDataType.String, [null, definition.Encoding.Columns.Count]));
        }

        return inputs;
    }

    private static OnnxValueInfo[] Outputs(ModelDefinition definition) => definition.Task == TrainingTask.Regression
        ? [new OnnxValueInfo(OnnxNames.Score, OnnxDataType.Float, [null, 1])]
        :
        [
            new OnnxValueInfo(OnnxNames.Label, OnnxDataType.Int64, [null]),
            new OnnxValueInfo(OnnxNames.Probabilities, OnnxDataType.Float, [null, definition.Classes.Count]),
        ];
}
