using System.Text.RegularExpressions;

namespace Platform.Domain.Runs;

/// <summary>
/// The rule for param, metric and tag keys (MLflow's): letters, digits, underscores, dashes, periods,
/// spaces and slashes, at most 250 characters, not starting with a slash and with no '..' segment.
/// </summary>
public static partial class TrackingKey
{
    public const int MaxLength = 250;

    public static bool IsValid(string? key) =>
        !string.IsNullOrWhiteSpace(key)
        && key.Length <= MaxLength
        && AllowedCharacters().IsMatch(key)
        && !key.StartsWith('/')
        && !key.Split('/').Contains("..");

    public const string Rule =
        "must be 1-250 characters of letters, digits, '_', '-', '.', ' ' or '/', not start with '/' nor contain a '..' segment";

    [GeneratedRegex(@"^[A-Za-z0-9_\-\. /]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedCharacters();
}
