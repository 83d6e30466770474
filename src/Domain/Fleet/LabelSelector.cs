namespace Platform.Domain.Fleet;

/// <summary>
/// A group of devices, as a selector over their labels rather than a list: requirements separated by commas, all of
/// which a device must meet. <c>key=value</c>, <c>key!=value</c>, <c>key in (a,b)</c>, <c>key notin (a,b)</c>,
/// <c>key</c> (has the label) and <c>!key</c> (has it not); the empty selector selects every device.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(string text, IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        (Text, _requirements) = (text, requirements);

    /// <summary>The selector as written, trimmed.</summary>
    public string Text { get; }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    /// <summary>Reads a selector; a malformed requirement is named in the error.</summary>
    /// <exception cref="Common.DomainException">The selector is malformed (code <c>selector</c>).</exception>
    public static LabelSelector Parse(string? text)
    {
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitOutsideParentheses(text?.Trim() ?? ""))
        {
            requirements.Add(Requirement(part.Trim()));
        }

        return new LabelSelector(text?.Trim() ?? "", requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> Requirement(string part)
    {
        if (part.Split(" in ", 2, StringSplitOptions.TrimEntries) is [var inKey, var inSet] && Set(inSet, part) is { } inValues)
        {
            var key = Key(inKey, part);
            return labels => labels.TryGetValue(key, out var v) && inValues.Contains(v);
        }

        if (part.Split(" notin ", 2, StringSplitOptions.TrimEntries) is [var outKey, var outSet] && Set(outSet, part) is { } outValues)
        {
            var key = Key(outKey, part);
            return labels => !labels.TryGetValue(key, out var v) || !outValues.Contains(v);
        }

        if (part.Split("!=", 2, StringSplitOptions.TrimEntries) is [var notKey, var notValue])
        {
            var key = Key(notKey, part);
            return labels => !labels.TryGetValue(key, out var v) || v != notValue;
        }

        if (part.Split('=', 2, StringSplitOptions.TrimEntries) is [var eqKey, var eqValue])
        {
            var key = Key(eqKey, part);
            return labels => labels.TryGetValue(key, out var v) && v == eqValue;
        }

        if (part.StartsWith('!'))
        {
            var key = Key(part[1..].Trim(), part);
            return labels => !labels.ContainsKey(key);
        }

        var present = Key(part, part);
        return labels => labels.ContainsKey(present);
    }

    private static string Key(string key, string part) =>
        DeviceLabels.Problems(new Dictionary<string, string> { [key] = "" }).Count == 0
            ? key
            : throw new Common.DomainException("selector", $"'{part}' is not a requirement: a label's name is lower-case letters, digits, '.', '_' or '-'.");

    private static HashSet<string>? Set(string text, string part) =>
        text.StartsWith('(') && text.EndsWith(')')
            ? [.. text[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : throw new Common.DomainException("selector", $"'{part}' is not a requirement: write the values in parentheses, e.g. hw in (jetson,rpi).");

    private static List<string> SplitOutsideParentheses(string text)
    {
        var parts = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (text.Length > 0)
        {
            parts.Add(text[start..]);
        }

        return parts.Any(string.IsNullOrWhiteSpace)
            ? throw new Common.DomainException("selector", "A selector has an empty requirement (two commas in a row, or one at an end).")
            : parts;
    }
}
