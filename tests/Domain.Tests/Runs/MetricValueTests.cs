using Platform.Domain.Runs;

namespace Platform.Domain.Tests.Runs;

public sealed class MetricValueTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.125)]
    [InlineData(-3e300)]
    [InlineData(double.MaxValue)]
    public void Every_double_survives_encoding(double value)
    {
        var (stored, special) = MetricValue.Encode(value);
        Assert.True(double.IsFinite(stored), $"stored {stored} must be finite for SQL Server");
        Assert.Equal(value, MetricValue.Decode(stored, special));
    }

    [Fact]
    public void Infinities_order_beyond_every_finite_value()
    {
        Assert.True(MetricValue.Encode(double.PositiveInfinity).Stored >= MetricValue.Encode(1e308).Stored);
        Assert.True(MetricValue.Encode(double.NegativeInfinity).Stored <= MetricValue.Encode(-1e308).Stored);
    }

    [Theory]
    [InlineData("loss", true)]
    [InlineData("train/loss", true)]
    [InlineData("val acc-1.5", true)]
    [InlineData("", false)]
    [InlineData("/abs", false)]
    [InlineData("a/../b", false)]
    [InlineData("semi;colon", false)]
    public void Tracking_keys_follow_mlflows_rule(string key, bool valid) => Assert.Equal(valid, TrackingKey.IsValid(key));
}
