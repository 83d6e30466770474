using Platform.MachineLearning.Federated.Training;

namespace Platform.MachineLearning.Tests.Federated.Training;

/// <summary>The analytic gradient that local SGD steps with, against central finite differences of its objective.</summary>
public sealed class GradientCheckTests
{
    [Theory]
    [InlineData(FederatedModelKind.Softmax, 0, 0.0)]
    [InlineData(FederatedModelKind.Mlp, 4, 0.0)]
    [InlineData(FederatedModelKind.Mlp, 4, 0.7)]
    public void The_gradient_matches_finite_differences(FederatedModelKind kind, int hidden, double mu)
    {
        var spec = new FederatedModelSpec(kind, 3, 3, hidden);
        var data = FederatedSamples.Random(5, 6, 3, 3);
        var random = new Random(9);
        var weights = spec.InitialWeights(1).Select(w => w + (float)((random.NextDouble() - 0.5) * 0.6)).ToArray();
        var global = weights.Select(w => w + (float)((random.NextDouble() - 0.5) * 0.4)).ToArray();
        var gradient = new float[spec.ParameterCount];
        var scratch = new float[spec.ParameterCount];
        LocalTrainer.Objective(spec, weights, global, mu, data.Features, data.Labels, gradient);
        Assert.Contains(gradient, g => Math.Abs(g) > 1e-2);

        const float Step = 1e-3f;
        for (var i = 0; i < weights.Length; i++)
        {
            var moved = (float[])weights.Clone();
            moved[i] = weights[i] + Step;
            var up = LocalTrainer.Objective(spec, moved, global, mu, data.Features, data.Labels, scratch);
            moved[i] = weights[i] - Step;
            var down = LocalTrainer.Objective(spec, moved, global, mu, data.Features, data.Labels, scratch);
            var numeric = (up - down) / (2 * Step);

            Assert.True(
                Math.Abs(numeric - gradient[i]) <= 1e-3 + (1e-2 * Math.Abs(numeric)),
                $"Weight {i}: analytic {gradient[i]}, finite differences {numeric}.");
        }
    }
}
