using Microsoft.ML;
using Microsoft.ML.Data;
using Platform.MachineLearning.Training.Model;
using Platform.MachineLearning.Training.Trainers;

namespace Platform.MachineLearning.Training;

/// <summary>
/// A trained model: the fitted ML.NET pipeline (preprocessing + predictor), what the ONNX export
/// needs, and the run's facts. Export it with <see cref="Onnx.OnnxModelExporter"/>.
/// </summary>
public sealed class TrainedModel
{
    private readonly MLContext _context;
    private readonly ITransformer _pipeline;

    internal TrainedModel(MLContext context, ITransformer pipeline, ModelDefinition definition, TrainingRequest request, IReadOnlyDictionary<string, string> hyperparameters, TrainingSummary summary)
    {
        _context = context;
        _pipeline = pipeline;
        Definition = definition;
        Seed = request.Seed;
        LabelColumn = request.LabelColumn;
        Hyperparameters = hyperparameters;
        Summary = summary;
    }

    public TrainingTask Task => Definition.Task;

    public TrainerKind Trainer => Definition.Trainer;

    /// <summary>Feature names in input-vector order.</summary>
    public IReadOnlyList<string> FeatureNames => Definition.FeatureNames;

    /// <summary>Class names in index order (empty for regression).</summary>
    public IReadOnlyList<string> Classes => Definition.Classes;

    public string LabelColumn { get; }

    public int Seed { get; }

    /// <summary>Hyper-parameters used, defaults included (ML.NET's own defaults are absent).</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; }

    public TrainingSummary Summary { get; }

    internal ModelDefinition Definition { get; }

    /// <summary>
    /// ML.NET's own predictions for raw feature rows (NaN = missing): class probabilities per row for
    /// classification, or a one-element array holding the score for regression.
    /// </summary>
    public float[][] PredictWithMlNet(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scored = _pipeline.Transform(DataViewBuilder.Unlabelled(_context, rows, FeatureNames.Count));
        return Task switch
        {
            TrainingTask.BinaryClassification => [.. scored.GetColumn<float>("Probability").Select(p => new[] { 1 - p, p })],
            TrainingTask.MulticlassClassification => [.. scored.GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().ToArray())],
            _ => [.. scored.GetColumn<float>("Score").Select(s => new[] { s })],
        };
    }
}
