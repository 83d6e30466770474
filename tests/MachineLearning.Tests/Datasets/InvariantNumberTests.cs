using System.Globalization;
using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class InvariantNumberTests
{
    [Fact]
    public void Plain_decimals_parse_to_exactly_the_double_that_double_parse_gives()
    {
        var random = new Random(5);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 16);
            var text = random.NextInt64(0, (long)Math.Pow(10, digits)).ToString(CultureInfo.InvariantCulture);
            var point = random.Next(0, text.Length + 1);
            text = (random.Next(3) == 0 ? "-" : "") + text[..point] + (random.Next(4) == 0 ? "" : ".") + text[point..];
            if (text.TrimStart('-') is "" or ".")
            {
                continue;
            }

            Assert.True(InvariantNumber.TryParse(text, out var value), text);
            var expected = double.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"'{text}': {value:R}, double.Parse {expected:R}");
        }
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("+2.5", 2.5)]
    [InlineData("12345678901234567.5", 12345678901234567.5)]
    [InlineData(" 7", 7.0)]
    public void Other_forms_still_parse(string text, double expected)
    {
        Assert.True(InvariantNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("13.2x")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e999")]
    [InlineData("NaN")]
    public void Typos_and_non_finite_values_are_not_numbers(string text) => Assert.False(InvariantNumber.TryParse(text, out _));
}
