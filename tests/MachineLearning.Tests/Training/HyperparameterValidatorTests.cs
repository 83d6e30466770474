using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Hyperparameters;

namespace Platform.MachineLearning.Tests.Training;

public sealed class HyperparameterValidatorTests
{
    [Fact]
    public void Rejects_a_number_of_leaves_below_two_naming_it_and_its_range()
    {
        var error = Validate(TrainerKind.LightGbm, ("numberOfLeaves", "1"));

        Assert.Equal("numberOfLeaves", error.Name);
        Assert.Equal("numberOfLeaves must be an integer between 2 and 131072 (got '1')", error.Message);
    }

    [Fact]
    public void Rejects_a_fraction_where_an_integer_is_required()
    {
        var error = Validate(TrainerKind.FastTree, ("numberOfIterations", "2.5"));

        Assert.Equal("numberOfIterations must be an integer between 1 and 10000 (got '2.5')", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("fast")]
    [InlineData("1.5")]
    public void Rejects_a_learning_rate_that_is_not_above_zero_and_at_most_one(string value)
    {
        var error = Validate(TrainerKind.LightGbm, ("learningRate", value));

        Assert.Equal($"learningRate must be a number greater than 0 and at most 1 (got '{value}')", error.Message);
    }

    [Fact]
    public void Rejects_an_unknown_name_listing_the_ones_the_trainer_accepts()
    {
        var error = Validate(TrainerKind.Linear, ("numberOfLeaves", "8"));

        Assert.Equal("numberOfLeaves", error.Name);
        Assert.Contains("is not a hyper-parameter of Linear", error.Message, StringComparison.Ordinal);
        Assert.Contains("l2Regularization", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_names_in_any_case_and_fills_in_defaults()
    {
        var values = HyperparameterValidator.Validate(TrainerKind.LightGbm, new Dictionary<string, string> { ["NUMBEROFLEAVES"] = " 8 " });

        Assert.Equal(8, values.Integer("numberOfLeaves"));
        Assert.Equal(100, values.Integer("numberOfIterations"));
        Assert.Equal("8", values.Resolved["numberOfLeaves"]);
        Assert.Equal("0.1", values.Resolved["learningRate"]);
    }

    [Fact]
    public void Leaves_optional_linear_settings_to_ml_net_when_not_given()
    {
        var values = HyperparameterValidator.Validate(TrainerKind.Linear, null);

        Assert.Null(values.OptionalReal("l2Regularization"));
        Assert.False(values.Resolved.ContainsKey("l2Regularization"));
    }

    [Fact]
    public void Every_trainer_default_passes_its_own_rule()
    {
        foreach (var trainer in Enum.GetValues<TrainerKind>())
        {
            var values = HyperparameterValidator.Validate(trainer, null);
            Assert.Equal(HyperparameterCatalog.For(trainer).Count(d => d.Default is not null), values.Resolved.Count);
        }
    }

    private static InvalidHyperparameterException Validate(TrainerKind trainer, (string Name, string Value) given) =>
        Assert.Throws<InvalidHyperparameterException>(
            () => HyperparameterValidator.Validate(trainer, new Dictionary<string, string> { [given.Name] = given.Value }));
}
