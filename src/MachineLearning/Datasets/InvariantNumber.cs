using System.Globalization;

namespace Platform.MachineLearning.Datasets;

/// <summary>Parses numbers the one way datasets use: invariant culture, finite values only.</summary>
public static class InvariantNumber
{
    private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>True when <paramref name="text"/> is a finite number such as <c>-1.5e3</c>.</summary>
    public static bool TryParse(string text, out double value) =>
        TryParsePlainDecimal(text, out value)
        || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    /// <summary>True when <paramref name="text"/> is a finite number representable as a float.</summary>
    public static bool TryParseSingle(string text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);

    /// <summary>
    /// The common case fast: an optional minus sign, at most 15 digits, an optional point. The digits as an integer and
    /// the power of ten are both exact doubles, so their quotient is the correctly rounded value double.Parse gives.
    /// Anything else (exponents, signs, spaces, long numbers) is left to double.TryParse.
    /// </summary>
    private static bool TryParsePlainDecimal(string text, out double value)
    {
        value = 0;
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (text.Length - i is 0 or > 16)
        {
            return false;
        }

        long digits = 0;
        var count = 0;
        var point = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits = (digits * 10) + (c - '0');
                count++;
            }
            else if (c == '.' && point < 0)
            {
                point = count;
            }
            else
            {
                return false;
            }
        }

        if (count is 0 or > 15)
        {
            return false;
        }

        value = point < 0 ? digits : digits / PowersOfTen[count - point];
        if (text[0] == '-')
        {
            value = -value;
        }

        return true;
    }
}
