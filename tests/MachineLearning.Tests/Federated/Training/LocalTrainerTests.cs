using System.Numerics.Tensors;
using Platform.MachineLearning.Federated.Training;

namespace Platform.MachineLearning.Tests.Federated.Training;

public sealed class LocalTrainerTests
{
    private static readonly FederatedModelSpec Mlp = new(FederatedModelKind.Mlp, 4, 3, 8);

    [Fact]
    public void A_huge_proximal_term_keeps_the_delta_near_zero()
    {
        var (iris, _) = FederatedSamples.Scaled(FederatedSamples.Iris);
        var global = Mlp.InitialWeights(1);

        var free = LocalTrainer.Train(Mlp, global, iris.Features, iris.Labels, new LocalTrainingOptions(5, 10, 0.05, 0, 2));
        var held = LocalTrainer.Train(Mlp, global, iris.Features, iris.Labels, new LocalTrainingOptions(5, 10, 0.05, 19, 2));

        var (freeNorm, heldNorm) = (TensorPrimitives.Norm(free.Delta), TensorPrimitives.Norm(held.Delta));
        Assert.True(heldNorm < 0.1 * freeNorm, $"‖delta‖ is {heldNorm} with μ = 19 and {freeNorm} with μ = 0.");
    }

    [Fact]
    public void The_same_seed_gives_the_same_delta_and_another_seed_another()
    {
        var (iris, _) = FederatedSamples.Scaled(FederatedSamples.Iris);
        var global = Mlp.InitialWeights(1);
        LocalResult Run(int seed) => LocalTrainer.Train(Mlp, global, iris.Features, iris.Labels, new LocalTrainingOptions(2, 8, 0.1, 0, seed));

        Assert.Equal(Run(3).Delta, Run(3).Delta);
        Assert.NotEqual(Run(3).Delta, Run(4).Delta);
    }

    [Fact]
    public void Training_reports_the_samples_and_a_loss_that_falls_from_log_of_the_class_count()
    {
        var (iris, _) = FederatedSamples.Scaled(FederatedSamples.Iris);
        var softmax = new FederatedModelSpec(FederatedModelKind.Softmax, 4, 3);
        var global = softmax.InitialWeights(0);

        var first = LocalTrainer.Train(softmax, global, iris.Features, iris.Labels, new LocalTrainingOptions(1, 150, 1e-6, 0, 1));
        var trained = LocalTrainer.Train(softmax, global, iris.Features, iris.Labels, new LocalTrainingOptions(50, 10, 0.5, 0, 1));
        var local = global.Zip(trained.Delta, (g, d) => g + d).ToArray();

        Assert.Equal(150, trained.Samples);
        Assert.Equal(Math.Log(3), first.Loss, 5); // zero weights: every class 1/3
        Assert.True(trained.Loss < 0.5, $"The loss after 50 epochs is {trained.Loss}.");
        Assert.True(LocalTrainer.Evaluate(softmax, local, iris.Features, iris.Labels).Accuracy > 0.9);
    }

    [Fact]
    public void Rows_that_were_not_scaled_or_labels_out_of_range_are_refused()
    {
        var global = Mlp.InitialWeights(1);
        var options = new LocalTrainingOptions(1, 4, 0.1, 0, 1);

        Assert.Contains("scaled", Assert.Throws<ArgumentException>(() => LocalTrainer.Train(Mlp, global, [[1, float.NaN, 0, 0]], [0], options)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LocalTrainer.Train(Mlp, global, [[1, 2, 0, 0]], [3], options));
        Assert.Throws<ArgumentException>(() => LocalTrainer.Train(Mlp, global[1..], [[1, 2, 0, 0]], [0], options));
        Assert.Throws<ArgumentException>(() => new LocalTrainingOptions(1, 4, 0.5, 5, 1)); // learning rate · μ ≥ 2 diverges
    }

    [Fact]
    public void Cancelling_stops_training()
    {
        var (iris, _) = FederatedSamples.Scaled(FederatedSamples.Iris);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(
            () => LocalTrainer.Train(Mlp, Mlp.InitialWeights(1), iris.Features, iris.Labels, new LocalTrainingOptions(1, 8, 0.1, 0, 1), cancelled.Token));
    }
}
