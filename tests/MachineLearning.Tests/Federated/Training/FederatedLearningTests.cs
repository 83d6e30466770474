using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Training;
using Xunit.Abstractions;

namespace Platform.MachineLearning.Tests.Federated.Training;

/// <summary>That the trainer learns: digits centrally, and FedAvg over non-IID simulated sites close behind.</summary>
public sealed class FederatedLearningTests(ITestOutputHelper output)
{
    private static readonly FederatedModelSpec Mlp = new(FederatedModelKind.Mlp, 64, 10, 32);

    [Fact]
    public void A_centrally_trained_mlp_reaches_093_on_held_out_digits_and_fedavg_over_20_non_iid_sites_comes_within_3_points()
    {
        var (train, test, scaling) = ScaledDigits();
        var (scaledTrain, scaledTest) = (train.Scaled(scaling), test.Scaled(scaling));

        var global = Mlp.InitialWeights(FederatedSamples.Seed);
        var central = Add(global, LocalTrainer.Train(Mlp, global, scaledTrain.Features, scaledTrain.Labels, new LocalTrainingOptions(30, 16, 0.2, 0, 1)).Delta);
        var centralAccuracy = LocalTrainer.Evaluate(Mlp, central, scaledTest.Features, scaledTest.Labels).Accuracy;

        var sites = DirichletPartition.Split(scaledTrain.Labels, 20, 0.5, FederatedSamples.Seed).Select(scaledTrain.Select).ToArray();
        var federated = Mlp.InitialWeights(FederatedSamples.Seed);
        for (var round = 0; round < 30; round++)
        {
            var updates = sites.Select((site, s) => LocalTrainer.Train(
                Mlp, federated, site.Features, site.Labels, new LocalTrainingOptions(2, 8, 0.3, 0, (round * 100) + s)).ToUpdate()).ToArray();
            federated = Add(federated, Aggregation.FedAvg(updates));
        }

        var federatedAccuracy = LocalTrainer.Evaluate(Mlp, federated, scaledTest.Features, scaledTest.Labels).Accuracy;
        output.WriteLine($"Held-out accuracy: central {centralAccuracy:F4}, FedAvg over 20 Dirichlet(0.5) sites {federatedAccuracy:F4}.");
        Assert.True(centralAccuracy >= 0.93, $"Central accuracy is {centralAccuracy}.");
        Assert.True(federatedAccuracy >= centralAccuracy - 0.03, $"FedAvg accuracy is {federatedAccuracy}, central {centralAccuracy}.");
    }

    private static (Rows Train, Rows Test, FeatureScaling Scaling) ScaledDigits()
    {
        var (train, test) = FederatedSamples.Digits;
        return (train, test, FeatureScaling.FromColumnSummaries(ColumnSummary.OfRows(train.Features, 64)));
    }

    private static float[] Add(float[] weights, float[] delta) => [.. weights.Zip(delta, (w, d) => w + d)];
}
