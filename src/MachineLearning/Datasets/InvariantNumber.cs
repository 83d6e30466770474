using System.Globalization;

namespace Platform.MachineLearning.Datasets;

/// <summary>Parses numbers the one way datasets use: invariant culture, finite values only.</summary>
public static class InvariantNumber
{
    /// <summary>True when <paramref name="text"/> is a finite number such as <c>-1.5e3</c>.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>True when <paramref name="text"/> is a finite number representable as a float.</summary>
    public static bool TryParseSingle(string text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
}
