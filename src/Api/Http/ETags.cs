using Platform.Application.Common.Exceptions;

namespace Platform.Api.Http;

/// <summary>Entity versions as strong ETags (<c>"3"</c>), and If-Match parsed back into the expected version.</summary>
internal static class ETags
{
    public const string IfMatchHeader = "If-Match";

    public const string IfNoneMatchHeader = "If-None-Match";

    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = $"\"{version}\"";

    /// <returns>The version a conditional GET says the client holds, or null (none sent, <c>*</c>, several, or not one of ours: answer in full).</returns>
    public static long? KnownVersion(string? ifNoneMatch)
    {
        var value = ifNoneMatch?.Trim() ?? "";
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value[1..^1], out var version) ? version : null;
    }

    /// <returns>The version the client expects, or null when it sent no If-Match (or <c>*</c>).</returns>
    public static int? ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return null;
        }

        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), out var version)
            ? version
            : throw RequestValidationException.For(IfMatchHeader, "must be an ETag this API issued, such as \"3\"");
    }
}
