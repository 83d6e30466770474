using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Transforms;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Training.Trainers;

/// <summary>
/// Fits the preprocessing on the training split: ML.NET mean imputation of missing values (per
/// feature) and, for linear models, min-max normalisation; returns the fitted ML.NET transformer and
/// the same parameters for the ONNX graph.
/// </summary>
internal static class PreprocessingPipeline
{
    public static (ITransformer Transformer, Preprocessing Parameters) Fit(MLContext ml, IDataView training, FeatureTable table, bool normalise)
    {
        var featureCount = table.FeatureNames.Count;
        var means = Preprocessing.MeansOf(table.Rows, featureCount);
        var impute = ml.Transforms.ReplaceMissingValues(
            DataViewBuilder.Features, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean, imputeBySlot: true);
        if (!normalise)
        {
            return (impute.Fit(training), new Preprocessing(means, null, null));
        }

        var fitted = impute.Append(ml.Transforms.NormalizeMinMax(DataViewBuilder.Features)).Fit(training);
        var affine = fitted.LastTransformer.GetNormalizerModelParameters(0) as NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>>
            ?? throw new InvalidOperationException("The min-max normaliser did not produce affine parameters.");
        var scale = affine.Scale.ToArray();
        var offset = affine.Offset.IsDefaultOrEmpty ? new float[featureCount] : affine.Offset.ToArray();
        return (fitted, new Preprocessing(means, scale, offset));
    }
}
