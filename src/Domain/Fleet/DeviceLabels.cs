using System.Text.RegularExpressions;

namespace Platform.Domain.Fleet;

/// <summary>
/// A device's labels (<c>region=eu-west</c>, <c>site=plant-7</c>, <c>hw=jetson</c>): what rollouts select devices by.
/// Keys are lower-case names (letters, digits, '.', '_', '-'; 1-63, starting and ending with a letter or digit);
/// values are 0-63 of the same characters in either case; at most <see cref="MaxLabels"/>.
/// </summary>
public static partial class DeviceLabels
{
    public const int MaxLabels = 32;

    /// <summary>What is wrong with <paramref name="labels"/>, each problem with the field it is about (<c>labels[{key}]</c>); none when they are fine.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(IReadOnlyDictionary<string, string>? labels)
    {
        var problems = new List<(string, string)>();
        if (labels is null)
        {
            return problems;
        }

        if (labels.Count > MaxLabels)
        {
            problems.Add(("labels", $"at most {MaxLabels} labels; there are {labels.Count}"));
        }

        foreach (var (key, value) in labels)
        {
            if (!Key().IsMatch(key ?? ""))
            {
                problems.Add(($"labels[{key}]", "a label's name is 1-63 lower-case letters, digits, '.', '_' or '-', starting and ending with a letter or digit"));
            }
            else if (!Value().IsMatch(value ?? ""))
            {
                problems.Add(($"labels[{key}]", "a label's value is up to 63 letters, digits, '.', '_' or '-', starting and ending with a letter or digit"));
            }
        }

        return problems;
    }

    /// <summary>The labels, checked: a copy ordered by key.</summary>
    /// <exception cref="Common.DomainException">A label breaks the rules (<see cref="Problems"/>).</exception>
    public static SortedDictionary<string, string> Checked(IReadOnlyDictionary<string, string>? labels) =>
        Problems(labels) is [var (field, reason), ..]
            ? throw new Common.DomainException("device.labels", $"{field}: {reason}.")
            : new SortedDictionary<string, string>(labels?.ToDictionary() ?? [], StringComparer.Ordinal);

    /// <summary>The labels, checked, as stored: a JSON object ordered by key.</summary>
    public static string ToJson(IReadOnlyDictionary<string, string>? labels) => System.Text.Json.JsonSerializer.Serialize(Checked(labels));

    public static IReadOnlyDictionary<string, string> FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, string>>(json) ?? [];

    [GeneratedRegex("^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$")]
    private static partial Regex Key();

    [GeneratedRegex("^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex Value();
}
