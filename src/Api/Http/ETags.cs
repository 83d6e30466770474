using Platform.Application.Common.Exceptions;

namespace Platform.Api.Http;

/// <summary>Entity versions as strong ETags (<c>"3"</c>), and If-Match parsed back into the expected version.</summary>
internal static class ETags
{
    public const string IfMatchHeader = "If-Match";

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = $"\"{version}\"";

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
