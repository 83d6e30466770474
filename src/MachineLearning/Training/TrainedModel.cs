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

    /// <summary>Numeric feature names in input-vector order.</summary>
    public IReadOnlyList<string> FeatureNames => Definition.FeatureNames;

    /// <summary>Categorical feature names in the order of the ONNX <c>categories</c> input (empty for a numeric-only model).</summary>
    public IReadOnlyList<string> CategoricalFeatureNames => Definition.Encoding.Columns;

    /// <summary>Class names in index order (empty for regression).</summary>
    public IReadOnlyList<string> Classes => Definition.Classes;

    public string LabelColumn { get; }

    public int Seed { get; }

    /// <summary>Hyper-parameters used, defaults included (ML.NET's own defaults are absent).</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; }

    public TrainingSummary Summary { get; }

    internal ModelDefinition Definition { get; }

    /// <summary>
    /// ML.NET's own predictions for raw numeric feature rows (NaN = missing) of a model without categorical features:
    /// class probabilities per row for classification, or a one-element array holding the score for regression.
    /// </summary>
    public float[][] PredictWithMlNet(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (CategoricalFeatureNames.Count > 0)
        {
            throw new InvalidOperationException("This model has categorical features: predict on a FeatureTable.");
        }

        return Predict(rows, FeatureNames.Count);
    }

    /// <summary>ML.NET's own predictions for a table's raw rows, categorical values one-hot encoded as in training.</summary>
    public float[][] PredictWithMlNet(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var encoded = Definition.Encoding.Expand(table);
        return Predict(encoded.Rows, encoded.FeatureNames.Count);
    }

    private float[][] Predict(float[][] rows, int width)
    {
        var scored = _pipeline.Transform(DataViewBuilder.Unlabelled(_context, rows, width));
        return Task switch
        {
            TrainingTask.BinaryClassification => [.. scored.GetColumn<float>("Probability").Select(p => new[] { 1 - p, p })],
            TrainingTask.MulticlassClassification => [.. scored.GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().ToArray())],
            _ => [.. scored.GetColumn<float>("Score").Select(s => new[] { s })],
        };
    }
}
