using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Federated.Training;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Tests.Federated.Training;

/// <summary>The exported federated model, run by the platform's own ONNX runner and evaluator, against the trainer's forward pass.</summary>
public sealed class FederatedOnnxExporterTests
{
    private static readonly string[] FeatureNames = [.. SampleData.Iris.ColumnNames.Take(4)];
    private static readonly string[] Classes = ["0", "1", "2"];

    [Theory]
    [InlineData(FederatedModelKind.Softmax, 0)]
    [InlineData(FederatedModelKind.Mlp, 6)]
    public void The_onnx_model_gives_the_trainers_probabilities_on_raw_rows_with_missing_values(FederatedModelKind kind, int hidden)
    {
        var (spec, weights, scaling, raw) = Trained(kind, hidden);
        var rows = raw.Features.Select((row, r) => r % 5 == 0 ? row.Select((v, f) => f == r % 4 ? float.NaN : v).ToArray() : row).ToArray();

        using var runner = new OnnxModelRunner(Export(spec, weights, scaling));
        var outputs = runner.Run(rows);

        var worst = 0.0;
        for (var r = 0; r < rows.Length; r++)
        {
            var expected = LocalTrainer.Predict(spec, weights, scaling.Apply(rows[r]));
            worst = Math.Max(worst, expected.Zip(outputs.Probabilities![r], (e, a) => Math.Abs(e - a)).Max());
            Assert.Equal(Array.IndexOf(expected, expected.Max()), outputs.Labels![r]);
        }

        Assert.True(worst < 1e-5, $"The largest probability difference is {worst}.");
    }

    [Theory]
    [InlineData(FederatedModelKind.Softmax, 0)]
    [InlineData(FederatedModelKind.Mlp, 6)]
    public void The_exported_score_function_reads_the_flat_layout_as_the_trainer_does(FederatedModelKind kind, int hidden)
    {
        var (spec, weights, scaling, raw) = Trained(kind, hidden);
        var score = FederatedOnnxExporter.ScoreOf(spec, weights);

        foreach (var row in raw.Features.Select(row => scaling.Apply(row)))
        {
            var expected = LocalTrainer.Predict(spec, weights, row);
            var actual = OutputTransform.Softmax.Apply(score.Score(row));
            Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-6));
        }
    }

    [Fact]
    public void The_metadata_and_interface_are_those_of_the_other_built_in_trainers()
    {
        var (spec, weights, scaling, _) = Trained(FederatedModelKind.Mlp, 6);
        var model = Export(spec, weights, scaling);
        using var session = new InferenceSession(model);

        var metadata = OnnxModelMetadata.FromProperties(session.ModelMetadata.CustomMetadataMap);

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(OnnxNames.Features, input.Key);
        Assert.Equal([-1, 4], input.Value.Dimensions);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([OnnxNames.Label, OnnxNames.Probabilities], session.OutputMetadata.Keys.ToArray());
        Assert.Equal([-1, 3], session.OutputMetadata[OnnxNames.Probabilities].Dimensions);
        Assert.Equal(("FederatedMlp", TrainingTask.MulticlassClassification), (metadata.Trainer, metadata.Task));
        Assert.Equal(FeatureNames, metadata.FeatureNames);
        Assert.Equal(Classes, metadata.Classes);
        Assert.Equal(("species", FederatedSamples.Seed, "20"), (metadata.LabelColumn, metadata.Seed, metadata.Hyperparameters["rounds"]));
    }

    [Fact]
    public void The_platforms_evaluator_scores_the_model_on_a_dataset_as_the_trainer_does()
    {
        var (spec, weights, scaling, raw) = Trained(FederatedModelKind.Softmax, 0);
        var expected = LocalTrainer.Evaluate(spec, weights, raw.Scaled(scaling).Features, raw.Labels);

        var report = OnnxModelEvaluator.Evaluate(Export(spec, weights, scaling), SampleData.Iris);

        Assert.Equal(expected.Accuracy, report.Classification!.Accuracy, 10);
        Assert.Equal(expected.Loss, report.Classification.LogLoss, 4);
    }

    [Fact]
    public void A_two_class_model_is_a_binary_classifier()
    {
        var spec = new FederatedModelSpec(FederatedModelKind.Softmax, 2, 2);
        var scaling = FeatureScaling.FromColumnSummaries(ColumnSummary.OfRows([[0, 0], [1, 1]], 2));
        var model = FederatedOnnxExporter.Export(spec, spec.InitialWeights(0), scaling, ["a", "b"], ["no", "yes"], "y", new Dictionary<string, string>(), 1);

        using var runner = new OnnxModelRunner(model);

        Assert.Equal(TrainingTask.BinaryClassification, runner.Metadata.Task);
        Assert.Equal([0.5f, 0.5f], runner.Run([[0.3f, 0.7f]]).Probabilities![0]);
    }

    [Fact]
    public void Names_that_do_not_match_the_model_are_refused()
    {
        var (spec, weights, scaling, _) = Trained(FederatedModelKind.Softmax, 0);

        Assert.Throws<ArgumentException>(() => FederatedOnnxExporter.Export(spec, weights, scaling, FeatureNames[..3], Classes, "species", new Dictionary<string, string>(), 1));
        Assert.Throws<ArgumentException>(() => FederatedOnnxExporter.Export(spec, weights, scaling, FeatureNames, ["0", "1"], "species", new Dictionary<string, string>(), 1));
    }

    private static byte[] Export(FederatedModelSpec spec, float[] weights, FeatureScaling scaling) => FederatedOnnxExporter.Export(
        spec, weights, scaling, FeatureNames, Classes, "species", new Dictionary<string, string> { ["rounds"] = "20" }, FederatedSamples.Seed);

    /// <summary>A model trained on iris for a few epochs: its spec, weights, scaling and the raw rows.</summary>
    private static (FederatedModelSpec Spec, float[] Weights, FeatureScaling Scaling, Rows Raw) Trained(FederatedModelKind kind, int hidden)
    {
        var raw = FederatedSamples.Iris;
        var (scaled, scaling) = FederatedSamples.Scaled(raw);
        var spec = new FederatedModelSpec(kind, 4, 3, hidden);
        var global = spec.InitialWeights(2);
        var delta = LocalTrainer.Train(spec, global, scaled.Features, scaled.Labels, new LocalTrainingOptions(10, 10, 0.3, 0, 2)).Delta;
        return (spec, [.. global.Zip(delta, (g, d) => g + d)], scaling, raw);
    }
}
