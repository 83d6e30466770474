using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests.Pages;

public sealed class HyperparameterFieldsTests : PortalTestContext
{
    private static readonly TrainerInfo LightGbm = new("LightGbm",
    [
        new("numberOfIterations", "Integer", "an integer between 1 and 10000", "100", "Boosting rounds."),
        new("learningRate", "Real", "a number greater than 0 and at most 1", "0.1", "Shrinkage."),
        new("numberOfLeaves", "Integer", "an integer between 2 and 131072", "31", "Leaves."),
    ]);

    [Fact]
    public void The_main_ones_show_at_their_defaults_and_a_change_goes_into_the_request()
    {
        var form = new TrainingRequest { Dataset = new DatasetInfo("cancer", 1, 10, 3, DateTimeOffset.UnixEpoch), LabelColumn = "benign" };
        form.UseDefaultsOf(LightGbm);

        var fields = Render<HyperparameterFields>(p => p.Add(x => x.Trainer, LightGbm).Add(x => x.Values, form.Hyperparameters).Add(x => x.Main, 2));

        Assert.Equal("100", fields.Find("#hp-numberOfIterations").GetAttribute("value"));
        Assert.Contains("More hyper-parameters (1)", fields.Markup);
        fields.Find("#hp-learningRate").Input("0.05");
        var sent = System.Text.Json.JsonSerializer.Serialize(form.Parameters());
        Assert.Contains("\"learningRate\":0.05", sent);
        Assert.Contains("\"numberOfIterations\":100", sent);
    }
}
