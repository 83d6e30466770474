using Platform.Domain.Common;
using Platform.Domain.Fleet;

namespace Platform.Domain.Tests.Fleet;

/// <summary>Groups are label selectors: each requirement kind, all of them together, and a malformed one named.</summary>
public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Jetson = new() { ["region"] = "eu-west", ["hw"] = "jetson", ["site"] = "plant-7" };

    [Theory]
    [InlineData("", true)]
    [InlineData("region=eu-west", true)]
    [InlineData("region=us-east", false)]
    [InlineData("region!=us-east", true)]
    [InlineData("hw in (jetson, rpi)", true)]
    [InlineData("hw notin (jetson,rpi)", false)]
    [InlineData("site", true)]
    [InlineData("!legacy", true)]
    [InlineData("!site", false)]
    [InlineData("region=eu-west,hw in (rpi,x86)", false)]
    [InlineData("region=eu-west, hw in (rpi,jetson), !legacy", true)]
    public void A_selector_matches_the_devices_whose_labels_meet_every_requirement(string selector, bool matches) =>
        Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Jetson));

    [Theory]
    [InlineData("region=eu,,hw=jetson", "empty requirement")]
    [InlineData("Region=eu", "'Region=eu'")]
    [InlineData("hw in jetson", "parentheses")]
    public void A_malformed_selector_is_refused_naming_what_is_wrong(string selector, string named)
    {
        var error = Assert.Throws<DomainException>(() => LabelSelector.Parse(selector));

        Assert.Equal("selector", error.Code);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Labels_are_checked_each_problem_naming_its_label()
    {
        var problems = DeviceLabels.Problems(new Dictionary<string, string> { ["Region"] = "eu", ["hw"] = "jet son", ["ok"] = "" });

        Assert.Equal(["labels[Region]", "labels[hw]"], problems.Select(p => p.Field));
        Assert.Empty(DeviceLabels.Problems(Jetson));
    }
}
