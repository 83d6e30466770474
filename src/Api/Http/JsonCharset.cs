using Platform.Api.Errors;

namespace Platform.Api.Http;

/// <summary>
/// A JSON body declared in a character set nobody can decode (<c>application/json; charset=ebcdic</c>, <c>utf-7</c>) is
/// refused with 415 before an endpoint reads it: the framework's reader failed with a 500 on it. UTF-8 (no charset, or
/// any spelling, quoted or not) and the charsets .NET decodes (UTF-16, Latin-1) are read.
/// </summary>
internal static class JsonCharset
{
    public static IApplicationBuilder UseJsonCharsetCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentType is { } contentType && JsonMediaType(contentType) is { } media)
        {
            var charset = Charset(contentType);
            if (charset is not null && !IsUtf8(charset) && !CanBeRead(charset))
            {
                await RefuseAsync(context, charset);
                return;
            }

            // The framework's reader knows neither a quoted charset ("UTF-8", legal in HTTP) nor an empty one; it transcodes the rest.
            context.Request.ContentType = media + "; charset=" + (charset is null || IsUtf8(charset) ? "utf-8" : charset);
        }

        await next(context);
    });

    /// <returns>The media type when it is JSON (<c>application/json</c> or <c>*+json</c>); null otherwise.</returns>
    private static string? JsonMediaType(string contentType)
    {
        var type = contentType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ? type : null;
    }

    /// <returns>The charset parameter's value, unquoted; null when none (or an empty one) is named.</returns>
    private static string? Charset(string contentType) => contentType.Split(';').Skip(1)
        .Select(p => p.Split('=', 2))
        .Where(p => p[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
        .Select(p => p.Length > 1 ? p[1].Trim().Trim('"').Trim() : "")
        .LastOrDefault() is { Length: > 0 } charset ? charset : null;

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);

    /// <summary>A character set .NET can decode (UTF-16, Latin-1, …; not UTF-7, which it refuses, nor a made-up name).</summary>
    private static bool CanBeRead(string charset)
    {
        try
        {
            return System.Text.Encoding.GetEncoding(charset) is { CodePage: not 65000 };
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static Task RefuseAsync(HttpContext context, string charset)
    {
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Type = ProblemTypes.UnsupportedMediaType,
                Title = "Unsupported media type",
                Detail = $"The body's character set '{charset}' is not one this Api can read: send JSON as UTF-8 (charset=utf-8, or no charset).",
                Extensions = { ["header"] = "Content-Type" },
            },
        }).AsTask();
    }
}
