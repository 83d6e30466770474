using Platform.MachineLearning.Federated.Training;

namespace Platform.MachineLearning.Tests.Federated.Training;

public sealed class FederatedModelSpecTests
{
    [Fact]
    public void The_parameter_count_follows_the_documented_layout()
    {
        Assert.Equal((10 * 64) + 10, new FederatedModelSpec(FederatedModelKind.Softmax, 64, 10).ParameterCount);
        Assert.Equal((32 * 64) + 32 + (10 * 32) + 10, new FederatedModelSpec(FederatedModelKind.Mlp, 64, 10, 32).ParameterCount);
    }

    [Theory]
    [InlineData(FederatedModelKind.Softmax, 0, 3, 0, "features")]
    [InlineData(FederatedModelKind.Softmax, 4, 1, 0, "classes")]
    [InlineData(FederatedModelKind.Softmax, 4, 3, 5, "no hidden layer")]
    [InlineData(FederatedModelKind.Mlp, 4, 3, 0, "hidden units")]
    [InlineData(FederatedModelKind.Mlp, 4, 3, 5000, "hidden units")]
    [InlineData(FederatedModelKind.Softmax, 4097, 3, 0, "features")]
    public void An_impossible_shape_is_refused_with_a_message_that_names_it(FederatedModelKind kind, int features, int classes, int hidden, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => new FederatedModelSpec(kind, features, classes, hidden));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Softmax_starts_from_zeros_and_an_mlp_from_the_same_small_random_weights_for_a_seed()
    {
        var mlp = new FederatedModelSpec(FederatedModelKind.Mlp, 64, 10, 32);
        var first = mlp.InitialWeights(3);

        Assert.All(new FederatedModelSpec(FederatedModelKind.Softmax, 4, 3).InitialWeights(3), w => Assert.Equal(0f, w));
        Assert.Equal(first, mlp.InitialWeights(3));
        Assert.NotEqual(first, mlp.InitialWeights(4));
        var limit = (float)Math.Sqrt(6.0 / 64);
        Assert.All(first[..(32 * 64)], w => Assert.InRange(w, -limit, limit));
        Assert.All(first[(32 * 64)..((32 * 64) + 32)], b => Assert.Equal(0f, b)); // b1
        Assert.Contains(first[..(32 * 64)], w => Math.Abs(w) > limit / 2);
    }
}
