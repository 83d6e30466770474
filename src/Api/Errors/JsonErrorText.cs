using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Api.Errors;

/// <summary>
/// What a body's JSON got wrong, in words a user reads: "must be one of: Viewer, DataScientist, …", "must be a whole
/// number", "is not valid JSON: …". System.Text.Json's messages name .NET types (the request record, not the field's
/// type) and byte positions; the field's own type is found from the record and the exception's path instead.
/// </summary>
internal static partial class JsonErrorText
{
    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        if (Conversion().Match(message) is { Success: true } conversion)
        {
            var target = TypeNamed(conversion.Groups["type"].Value);
            return "must be " + (target is null ? "a value of the documented kind" : Expected(FieldType(target, exception.Path)));
        }

        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            return "is missing " + missing.Groups["names"].Value;
        }

        return "is not valid JSON: " + Position().Replace(message, "").Trim();
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type.IsEnum => "one of: " + string.Join(", ", Members(type)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong)
                => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) || type == typeof(char) => "text (a JSON string)",
            _ when type == typeof(Guid) => "an identifier (a GUID such as 0193a0a0-0000-7000-8000-000000000001)",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a time in ISO 8601, such as 2026-12-06T12:00:00Z",
            _ when type == typeof(TimeSpan) => "a duration such as 00:05:00",
            _ when typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement) => "JSON of the documented shape",
            _ when DictionaryValue(type) is not null => "an object of names to values",
            _ when ElementType(type) is not null => "a list (a JSON array)",
            _ => "a JSON object with the documented fields",
        };
    }

    /// <summary>An enum's names a client may send: members marked <c>[Browsable(false)]</c> (a role only the platform holds, None) are left out.</summary>
    private static IEnumerable<string> Members(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.GetCustomAttribute<System.ComponentModel.BrowsableAttribute>() is not { Browsable: false })
        .Select(f => f.Name);

    /// <summary>
    /// The type of the field at <paramref name="path"/> (<c>$.gates[1].operator</c>). The message names the type being
    /// read when it failed, which is the body's or an inner object's (here the gate's): the longest end of the path that
    /// leads somewhere from it is the field.
    /// </summary>
    private static Type FieldType(Type named, string? path)
    {
        var steps = PathStep().Matches(path ?? "$").ToList();
        for (var skip = 0; skip < steps.Count; skip++)
        {
            if (Walk(named, steps.Skip(skip)) is { } found)
            {
                return found;
            }
        }

        return named;
    }

    private static Type? Walk(Type type, IEnumerable<Match> steps)
    {
        foreach (var step in steps)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var next = step.Groups["index"].Success
                ? ElementType(type)
                : DictionaryValue(type) ?? type.GetProperty(step.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (next is null)
            {
                return null;
            }

            type = next;
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments() is [var element] ? element
        : null;

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
        && typeof(IEnumerable).IsAssignableFrom(type) ? value : null;

    private static Type? TypeNamed(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null)
        ?? Type.GetType(name, throwOnError: false);

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path:", RegexOptions.CultureInvariant)]
    private static partial Regex Conversion();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"\s*(Path: .*|LineNumber: .*|BytePositionInLine: .*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<name>[^']+)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
