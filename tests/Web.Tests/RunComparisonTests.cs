using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class RunComparisonTests
{
    [Fact]
    public void Every_parameter_is_listed_once_with_each_runs_value_and_the_differing_ones_come_first()
    {
        RunDetail Run(string name, Dictionary<string, string> parameters) =>
            new(Guid.NewGuid(), Guid.NewGuid(), name, "Finished", DateTimeOffset.UnixEpoch, null, "ana", parameters, new Dictionary<string, string>(), []);

        var rows = RunComparison.Parameters([
            Run("a", new() { ["lr"] = "0.1", ["trees"] = "100", ["seed"] = "42" }),
            Run("b", new() { ["lr"] = "0.2", ["trees"] = "100", ["seed"] = "42", ["depth"] = "6" }),
        ]);

        Assert.Equal(["depth", "lr", "seed", "trees"], rows.Select(r => r.Key));
        Assert.Equal([true, true, false, false], rows.Select(r => r.Differs));
        Assert.Equal([null, "6"], rows[0].Values);
        Assert.Equal(["0.1", "0.2"], rows[1].Values);
    }
}
