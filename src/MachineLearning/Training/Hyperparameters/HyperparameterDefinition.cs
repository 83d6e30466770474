using System.Globalization;

namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>
/// One hyper-parameter a trainer accepts: its name, type, allowed range and default. The portal can
/// list these; <see cref="HyperparameterValidator"/> checks requests against them.
/// </summary>
/// <param name="Name">Name as given in a request (matched case-insensitively).</param>
/// <param name="Kind">Value type.</param>
/// <param name="Minimum">Smallest allowed value (exclusive when <paramref name="MinimumExclusive"/>).</param>
/// <param name="Maximum">Largest allowed value (inclusive; may be +∞).</param>
/// <param name="Default">Default as text, or <c>null</c> when ML.NET's own default applies.</param>
/// <param name="Description">What it does.</param>
/// <param name="MinimumExclusive">Whether <paramref name="Minimum"/> itself is excluded.</param>
public sealed record HyperparameterDefinition(
    string Name,
    HyperparameterKind Kind,
    double Minimum,
    double Maximum,
    string? Default,
    string Description,
    bool MinimumExclusive = false)
{
    /// <summary>The rule in words, for error messages: "an integer between 2 and 131072".</summary>
    public string Rule => Kind switch
    {
        HyperparameterKind.Integer when double.IsPositiveInfinity(Maximum) => $"an integer of at least {Text(Minimum)}",
        HyperparameterKind.Integer => $"an integer between {Text(Minimum)} and {Text(Maximum)}",
        _ when MinimumExclusive && double.IsPositiveInfinity(Maximum) => $"a number greater than {Text(Minimum)}",
        _ when MinimumExclusive => $"a number greater than {Text(Minimum)} and at most {Text(Maximum)}",
        _ when double.IsPositiveInfinity(Maximum) => $"a number of at least {Text(Minimum)}",
        _ => $"a number between {Text(Minimum)} and {Text(Maximum)}",
    };

    /// <summary>True when <paramref name="value"/> is in range.</summary>
    public bool InRange(double value) =>
        (MinimumExclusive ? value > Minimum : value >= Minimum) && value <= Maximum;

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
