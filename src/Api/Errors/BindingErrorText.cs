using System.Text.RegularExpressions;

namespace Platform.Api.Errors;

/// <summary>
/// A request the endpoint could not bind (a query value of the wrong kind, a missing body), as a field and a reason
/// in a user's words: ASP.NET Core's own messages name the handler's C# parameter and its .NET type.
/// </summary>
internal static partial class BindingErrorText
{
    /// <returns>The field and why; null when the message is not one of binding's (it is then shown as it is).</returns>
    public static (string Field, string Reason)? Describe(BadHttpRequestException exception)
    {
        var message = exception.Message;
        if (FailedToBind().Match(message) is { Success: true } bind)
        {
            return (bind.Groups["name"].Value, $"'{bind.Groups["value"].Value}' is not {Expected(bind.Groups["type"].Value)}");
        }

        if (NotProvided().Match(message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body"
                ? ("body", "is required: send the request's JSON object")
                : (missing.Groups["name"].Value, "is required");
        }

        return NoBody().IsMatch(message) ? ("body", "is required: send the request's JSON object") : null;
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', '>') switch
    {
        "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "Int32" or "Int64" => "a whole number",
        "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "an identifier (a GUID)",
        "DateTimeOffset" or "DateTime" => "a time in ISO 8601, such as 2026-12-06T12:00:00Z",
        _ => "a value this field takes",
    };

    [GeneratedRegex("""Failed to bind parameter "(?<type>\S+) (?<name>\w+)" from "(?<value>.*)"\.?""", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""Required parameter "(?<type>\S+) (?<name>\w+)" was not provided from (?<source>\w+)""", RegexOptions.CultureInvariant)]
    private static partial Regex NotProvided();

    [GeneratedRegex("""(Implicit body inferred|no body was provided|request body was empty)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NoBody();
}
