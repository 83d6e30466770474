using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Hyperparameters;
using Platform.MachineLearning.Training.Progress;

namespace Platform.MachineLearning.Tests.Training;

public sealed class ModelTrainerTests
{
    [Theory]
    [InlineData(TrainerKind.LightGbm, Scenario.Iris)]
    [InlineData(TrainerKind.FastTree, Scenario.BreastCancer)]
    [InlineData(TrainerKind.Linear, Scenario.Regression)]
    public void The_same_request_trains_the_same_model(TrainerKind trainer, Scenario scenario)
    {
        var request = ScenarioTraining.Request(trainer, scenario);
        var rows = SampleData.Table(scenario).Rows;

        var first = ModelTrainer.Train(request).PredictWithMlNet(rows);
        var second = ModelTrainer.Train(request).PredictWithMlNet(rows);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Reports_each_phase_in_order_then_every_round_with_metrics()
    {
        var progress = new RecordingProgress<TrainingProgress>();

        var model = ModelTrainer.Train(ScenarioTraining.Request(TrainerKind.LightGbm, Scenario.Iris), progress);

        var phases = progress.Events.Select(e => e.Phase).Distinct();
        Assert.Equal([TrainingPhase.Preparing, TrainingPhase.Preprocessing, TrainingPhase.Training, TrainingPhase.Iteration, TrainingPhase.Completed], phases);
        var rounds = progress.Events.Where(e => e.Phase == TrainingPhase.Iteration).ToList();
        Assert.Equal(Enumerable.Range(1, model.Summary.Iterations), rounds.Select(e => e.Iteration!.Value));
        Assert.All(rounds, e => Assert.Equal(
            ["train.accuracy", "train.logLoss", "validation.accuracy", "validation.logLoss"], e.Metrics.Keys.Order()));
        Assert.True(rounds[^1].Metrics["train.logLoss"] < rounds[0].Metrics["train.logLoss"], "training loss should fall over the rounds");
        Assert.Equal(model.Summary.FinalMetrics, progress.Events[^1].Metrics);
    }

    [Fact]
    public void A_linear_model_reports_one_round_with_rmse_for_regression()
    {
        var progress = new RecordingProgress<TrainingProgress>();

        ModelTrainer.Train(ScenarioTraining.Request(TrainerKind.Linear, Scenario.Regression), progress);

        var round = Assert.Single(progress.Events, e => e.Phase == TrainingPhase.Iteration);
        Assert.Equal(["train.rmse", "validation.rmse"], round.Metrics.Keys.Order());
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    public void Stops_early_on_the_validation_split(TrainerKind trainer)
    {
        var request = ScenarioTraining.Request(trainer, Scenario.BreastCancer) with
        {
            Hyperparameters = new Dictionary<string, string> { ["numberOfIterations"] = "2000", ["learningRate"] = "0.5", ["earlyStoppingRounds"] = "5" },
        };

        var summary = ModelTrainer.Train(request).Summary;

        Assert.True(summary.StoppedEarly, $"{summary.Iterations} rounds");
        Assert.InRange(summary.Iterations, 1, 1999);
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    public void Trains_every_round_without_a_validation_split(TrainerKind trainer)
    {
        var request = ScenarioTraining.Request(trainer, Scenario.BreastCancer) with
        {
            Validation = null,
            Hyperparameters = new Dictionary<string, string> { ["numberOfIterations"] = "30" },
        };

        var summary = ModelTrainer.Train(request).Summary;

        Assert.Equal((30, false, 0), (summary.Iterations, summary.StoppedEarly, summary.ValidationRows));
    }

    [Fact]
    public void Normalises_features_for_linear_models_only()
    {
        Assert.NotNull(TrainedModelCache.Get(TrainerKind.Linear, Scenario.Iris).Definition.Preprocessing.Scale);
        Assert.Null(TrainedModelCache.Get(TrainerKind.LightGbm, Scenario.Iris).Definition.Preprocessing.Scale);
    }

    [Fact]
    public void Imputes_with_means_of_the_training_split()
    {
        var request = ScenarioTraining.Request(TrainerKind.LightGbm, Scenario.Iris);
        var expected = Enumerable.Range(0, 4).Select(f => (float)request.Training.Rows.Average(r => (double)r[f])).ToArray();

        Assert.Equal(expected, TrainedModelCache.Get(TrainerKind.LightGbm, Scenario.Iris).Definition.Preprocessing.ImputationMeans);
    }

    [Fact]
    public void Rejects_a_bad_hyperparameter_before_training()
    {
        var request = ScenarioTraining.Request(TrainerKind.FastTree, Scenario.Iris) with
        {
            Hyperparameters = new Dictionary<string, string> { ["numberOfLeaves"] = "many" },
        };
        var progress = new RecordingProgress<TrainingProgress>();

        var error = Assert.Throws<InvalidHyperparameterException>(() => ModelTrainer.Train(request, progress));

        Assert.Equal("numberOfLeaves", error.Name);
        Assert.Empty(progress.Events);
    }

    [Fact]
    public void Rejects_classification_data_for_a_regression_task()
    {
        var request = ScenarioTraining.Request(TrainerKind.Linear, Scenario.Iris) with { Task = TrainingTask.Regression };

        Assert.Throws<ArgumentException>(() => ModelTrainer.Train(request));
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => ModelTrainer.Train(ScenarioTraining.Request(TrainerKind.Linear, Scenario.Iris), cancellationToken: cancellation.Token));
    }
}
