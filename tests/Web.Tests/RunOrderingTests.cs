using Bunit;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class RunOrderingTests : PortalTestContext
{
    [Theory]
    [InlineData("attributes.start_time desc", "attributes.start_time", "attributes.start_time asc")]
    [InlineData("attributes.start_time asc", "attributes.start_time", "attributes.start_time desc")]
    [InlineData("attributes.start_time desc", "attributes.name", "attributes.name asc")]
    [InlineData("attributes.name asc", "metrics.auc", "metrics.auc desc")]
    [InlineData("metrics.auc desc", "metrics.auc", "metrics.auc asc")]
    [InlineData("metrics.`val loss` desc", "metrics.`val loss`", "metrics.`val loss` asc")]
    public void A_click_orders_by_the_column_and_a_second_click_reverses(string current, string field, string expected) =>
        Assert.Equal(expected, RunOrdering.Toggle(current, field));

    [Fact]
    public void A_metric_key_that_is_not_a_plain_name_is_quoted_for_the_api() =>
        Assert.Equal(["metrics.validation.auc", "metrics.`val loss`"], [RunOrdering.MetricField("validation.auc"), RunOrdering.MetricField("val loss")]);

    [Fact]
    public void The_heading_of_the_current_order_shows_its_direction_and_a_click_asks_for_its_field()
    {
        string? asked = null;
        var header = Render<SortHeader>(p => p.Add(x => x.Label, "auc").Add(x => x.Field, "metrics.auc").Add(x => x.Current, "metrics.auc desc")
            .Add(x => x.OnSort, (string field) => asked = field));
        var other = Render<SortHeader>(p => p.Add(x => x.Label, "Run").Add(x => x.Field, "attributes.name").Add(x => x.Current, "metrics.auc desc"));

        Assert.Equal("desc", header.Find("button").GetAttribute("data-order"));
        Assert.Equal("none", other.Find("button").GetAttribute("data-order"));
        header.Find("button").Click();
        Assert.Equal("metrics.auc", asked);
    }
}
