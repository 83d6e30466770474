using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Onnx;

public sealed class OnnxModelStructureTests
{
    [Fact]
    public void A_classifier_takes_features_and_gives_label_and_probabilities()
    {
        using var session = new InferenceSession(OnnxModelExporter.Export(TrainedModelCache.Get(TrainerKind.LightGbm, Scenario.Iris)));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(OnnxNames.Features, input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, 4], input.Value.Dimensions);
        Assert.Equal([OnnxNames.Label, OnnxNames.Probabilities], session.OutputMetadata.Keys.ToArray());
        Assert.Equal(typeof(long), session.OutputMetadata[OnnxNames.Label].ElementType);
        Assert.Equal([-1, 3], session.OutputMetadata[OnnxNames.Probabilities].Dimensions);
    }

    [Fact]
    public void A_regressor_gives_one_score_per_row()
    {
        using var session = new InferenceSession(OnnxModelExporter.Export(TrainedModelCache.Get(TrainerKind.Linear, Scenario.Regression)));

        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(OnnxNames.Score, output.Key);
        Assert.Equal([-1, 1], output.Value.Dimensions);
    }

    [Fact]
    public void The_model_carries_producer_task_trainer_features_and_classes()
    {
        var model = TrainedModelCache.Get(TrainerKind.FastTree, Scenario.BreastCancer);
        using var session = new InferenceSession(OnnxModelExporter.Export(model));

        var metadata = OnnxModelMetadata.FromProperties(session.ModelMetadata.CustomMetadataMap);

        Assert.Equal("Platform", session.ModelMetadata.ProducerName);
        Assert.Equal(TrainingTask.BinaryClassification, metadata.Task);
        Assert.Equal(nameof(TrainerKind.FastTree), metadata.Trainer);
        Assert.Equal(SampleData.BreastCancer.ColumnNames.Take(30), metadata.FeatureNames);
        Assert.Equal(["0", "1"], metadata.Classes);
        Assert.Equal("benign", metadata.LabelColumn);
        Assert.Equal(ScenarioTraining.Seed, metadata.Seed);
        Assert.Equal("10", metadata.Hyperparameters["numberOfLeaves"]);
    }

    [Fact]
    public void Reading_metadata_of_a_foreign_model_names_the_missing_property()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelMetadata.FromProperties(new Dictionary<string, string>()));

        Assert.Contains("'task'", error.Message, StringComparison.Ordinal);
    }
}
