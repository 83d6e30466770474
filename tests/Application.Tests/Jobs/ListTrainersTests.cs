using Platform.Application.Jobs.Queries.ListTrainers;
using Platform.Application.Tests.Support;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Jobs;

/// <summary>The launch form's trainers: each built-in one with its hyper-parameters and the defaults it trains with.</summary>
public sealed class ListTrainersTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Each_built_in_trainer_lists_its_hyperparameters_with_their_defaults_and_rules()
    {
        var trainers = await app.SendAsync(new ListTrainersQuery(), Role.Viewer);

        Assert.Equal(["LightGbm", "FastTree", "Linear"], trainers.Select(t => t.Name));
        var rounds = trainers[0].Hyperparameters.Single(h => h.Name == "numberOfIterations");
        Assert.Equal(("Integer", "100", "an integer between 1 and 10000"), (rounds.Kind, rounds.Default, rounds.Rule));
        Assert.Equal("0.2", trainers[1].Hyperparameters.Single(h => h.Name == "learningRate").Default);
        Assert.Null(trainers[2].Hyperparameters.Single(h => h.Name == "l2Regularization").Default);
    }
}
