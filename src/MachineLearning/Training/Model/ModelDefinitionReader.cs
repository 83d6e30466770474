using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Platform.MachineLearning.Training.Model;

/// <summary>Reads the score function and output step out of the ML.NET model parameters of the trainers used here.</summary>
internal static class ModelDefinitionReader
{
    public static (ScoreFunction Score, OutputTransform Output) Read(object parameters, TrainerKind trainer, int featureCount) =>
        parameters switch
        {
            OneVersusAllModelParameters ova => ReadOneVersusAll(ova, trainer),
            CalibratedModelParametersBase calibrated => (ReadScore([calibrated.SubModel], featureCount), PlattOf([calibrated], OutputKind.Sigmoid)),
            MaximumEntropyModelParameters maximumEntropy => (ReadMaximumEntropy(maximumEntropy, featureCount), OutputTransform.Softmax),
            TreeEnsembleModelParametersBasedOnRegressionTree or LinearModelParameters => (ReadScore([parameters], featureCount), OutputTransform.Identity),
            _ => throw new NotSupportedException($"Model parameters of type {parameters.GetType().Name} cannot be exported."),
        };

    private static (ScoreFunction, OutputTransform) ReadOneVersusAll(OneVersusAllModelParameters ova, TrainerKind trainer)
    {
        var subModels = OneVersusAllSubModels.Read(ova);
        var score = ReadTrees([.. subModels.Select(sub => sub.SubModel)]);

        // LightGBM's multiclass objective combines raw class scores with softmax (its calibrators are unused);
        // ML.NET's one-versus-all trainer normalises the calibrated per-class probabilities.
        return trainer == TrainerKind.LightGbm
            ? (score, OutputTransform.Softmax)
            : (score, PlattOf(subModels, OutputKind.NormalizedSigmoid));
    }

    private static ScoreFunction ReadScore(IReadOnlyList<object> models, int featureCount) => models[0] switch
    {
        TreeEnsembleModelParametersBasedOnRegressionTree => ReadTrees(models),
        LinearModelParameters => new LinearScore(
            [.. models.Cast<LinearModelParameters>().Select(m => Dense(m.Weights, featureCount))],
            [.. models.Cast<LinearModelParameters>().Select(m => m.Bias)]),
        var other => throw new NotSupportedException($"Sub-model of type {other.GetType().Name} cannot be exported."),
    };

    private static TreeEnsembleScore ReadTrees(IReadOnlyList<object> models)
    {
        var ensembles = models
            .Select(m => (m as TreeEnsembleModelParametersBasedOnRegressionTree)?.TrainedTreeEnsemble
                ?? throw new NotSupportedException($"Expected a tree ensemble, got {m.GetType().Name}."))
            .ToList();
        return new TreeEnsembleScore(
            [.. ensembles.Select(e => (IReadOnlyList<DecisionTree>)[.. e.Trees.Select(DecisionTree.From).OfType<DecisionTree>()])],
            [.. ensembles.Select(e => e.Bias)]);
    }

    private static LinearScore ReadMaximumEntropy(MaximumEntropyModelParameters model, int featureCount)
    {
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var classCount);
        return new LinearScore(
            [.. weights.Take(classCount).Select(w => Dense(w.DenseValues().ToArray(), featureCount))],
            [.. model.GetBiases()]);
    }

    private static OutputTransform PlattOf(IReadOnlyList<CalibratedModelParametersBase> models, OutputKind kind)
    {
        var calibrators = models
            .Select(m => m.Calibrator as PlattCalibrator
                ?? throw new NotSupportedException($"Only Platt calibration can be exported, not {m.Calibrator.GetType().Name}."))
            .ToList();
        return new OutputTransform(kind, [.. calibrators.Select(c => c.Slope)], [.. calibrators.Select(c => c.Offset)]);
    }

    private static float[] Dense(IReadOnlyList<float> weights, int featureCount)
    {
        if (weights.Count != featureCount)
        {
            throw new InvalidOperationException($"The model has {weights.Count} weights for {featureCount} features.");
        }

        return [.. weights];
    }
}
