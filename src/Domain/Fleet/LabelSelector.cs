namespace Platform.Domain.Fleet;

/// <summary>
/// A group of devices, as a selector over their labels rather than a list: requirements separated by commas, all of
/// which a device must meet. <c>key=value</c>, <c>key!=value</c>, <c>key in (a,b)</c>, <c>key notin (a,b)</c>,
/// <c>key</c> (has the label) and <c>!key</c> (has it not); the empty selector selects every device.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(string text, IReadOnlyList<LabelRequirement> requirements) => (Text, Requirements) = (text, requirements);

    /// <summary>The selector as written, trimmed.</summary>
    public string Text { get; }

    /// <summary>What a device must meet, every one (persistence translates them into its queries).</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>Reads a selector; a malformed requirement is named in the error.</summary>
    /// <exception cref="Common.DomainException">The selector is malformed (code <c>selector</c>).</exception>
    public static LabelSelector Parse(string? text) =>
        new(text?.Trim() ?? "", [.. SplitOutsideParentheses(text?.Trim() ?? "").Select(part => Requirement(part.Trim()))]);

    private static LabelRequirement Requirement(string part)
    {
        if (part.Split(" in ", 2, StringSplitOptions.TrimEntries) is [var inKey, var inSet] && Set(inSet, part) is { } inValues)
        {
            return new LabelRequirement(Key(inKey, part), SelectorOperator.In, inValues);
        }

        if (part.Split(" notin ", 2, StringSplitOptions.TrimEntries) is [var outKey, var outSet] && Set(outSet, part) is { } outValues)
        {
            return new LabelRequirement(Key(outKey, part), SelectorOperator.NotIn, outValues);
        }

        if (part.Split("!=", 2, StringSplitOptions.TrimEntries) is [var notKey, var notValue])
        {
            return new LabelRequirement(Key(notKey, part), SelectorOperator.NotIn, [notValue]);
        }

        if (part.Split('=', 2, StringSplitOptions.TrimEntries) is [var eqKey, var eqValue])
        {
            return new LabelRequirement(Key(eqKey, part), SelectorOperator.In, [eqValue]);
        }

        return part.StartsWith('!')
            ? new LabelRequirement(Key(part[1..].Trim(), part), SelectorOperator.Absent, [])
            : new LabelRequirement(Key(part, part), SelectorOperator.Present, []);
    }

    private static string Key(string key, string part) =>
        DeviceLabels.Problems(new Dictionary<string, string> { [key] = "" }).Count == 0
            ? key
            : throw new Common.DomainException("selector", $"'{part}' is not a requirement: a label's name is lower-case letters, digits, '.', '_' or '-'.");

    private static string[]? Set(string text, string part) =>
        text.StartsWith('(') && text.EndsWith(')')
            ? [.. text[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)]
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

/// <summary>How a requirement reads a label: its value one of a set, none of a set (or no such label), the label present, or absent.</summary>
public enum SelectorOperator
{
    In,
    NotIn,
    Present,
    Absent,
}

/// <summary>One requirement of a selector: <c>key=v</c> and <c>key in (…)</c> are In, <c>key!=v</c> and <c>key notin (…)</c> NotIn.</summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Operator switch
    {
        SelectorOperator.In => labels.TryGetValue(Key, out var v) && Values.Contains(v),
        SelectorOperator.NotIn => !labels.TryGetValue(Key, out var v) || !Values.Contains(v),
        SelectorOperator.Present => labels.ContainsKey(Key),
        _ => !labels.ContainsKey(Key),
    };
}
