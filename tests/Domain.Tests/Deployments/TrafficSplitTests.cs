using Platform.Domain.Common;
using Platform.Domain.Deployments;

namespace Platform.Domain.Tests.Deployments;

public sealed class TrafficSplitTests
{
    [Fact]
    public void A_blue_green_split_with_a_canary_beside_a_stable_version_is_kept_as_given()
    {
        var split = TrafficSplit.Of([new(1, 90, false), new(2, 10, true)]);

        Assert.Equal([1, 2], split.Numbers);
        Assert.Equal(2, split.Canary!.Version);
    }

    public static TheoryData<string, TrafficVersion[], string> Broken() => new()
    {
        { "no versions", [], "1 to 10 versions" },
        { "eleven versions", [.. Enumerable.Range(1, 11).Select(v => new TrafficVersion(v, 1, false))], "1 to 10 versions" },
        { "version 0", [new(0, 1, false)], "Version 0 is not a version number" },
        { "a version twice", [new(1, 50, false), new(1, 50, false)], "Version 1 is listed twice" },
        { "a negative weight", [new(1, 100, false), new(2, -1, false)], "Version 2 has weight -1" },
        { "weights summing to 0", [new(1, 0, false), new(2, 0, false)], "sum to 0" },
        { "two canaries", [new(1, 80, false), new(2, 10, true), new(3, 10, true)], "At most one version is the canary" },
        { "a canary alone", [new(2, 100, true)], "Canary version 2 is the only version with traffic" },
        { "a canary beside a weightless version", [new(1, 0, false), new(2, 100, true)], "Canary version 2 is the only version with traffic" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_split_that_breaks_a_rule_is_refused_with_the_rule(string what, TrafficVersion[] versions, string expected)
    {
        var error = Assert.Throws<DomainException>(() => TrafficSplit.Of(versions));

        Assert.Equal("deployment.traffic", error.Code);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    [Fact]
    public void Without_its_canary_the_canary_weight_goes_to_the_heaviest_stable_version()
    {
        var split = TrafficSplit.Of([new(1, 60, false), new(3, 30, false), new(4, 10, true)]);

        var trimmed = split.WithoutCanary();

        Assert.Equal([new TrafficVersion(1, 70, false), new TrafficVersion(3, 30, false)], trimmed.Versions);
        Assert.Null(trimmed.Canary);
    }

    [Fact]
    public void A_split_without_a_canary_has_none_to_roll_back()
    {
        var error = Assert.Throws<DomainException>(() => TrafficSplit.Of([new(1, 1, false)]).WithoutCanary());

        Assert.Equal("deployment.no-canary", error.Code);
    }
}
