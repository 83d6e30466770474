using Microsoft.AspNetCore.Http.Features;

namespace Platform.Api.Endpoints;

internal static class RequestBodyLimits
{
    /// <summary>
    /// Lets a streamed upload run past the server's default body limit up to our own: one byte more than
    /// <paramref name="maxBytes"/>, so that the handler sees the excess and answers 413 with a problem document.
    /// </summary>
    public static void AllowBodyUpTo(this HttpRequest request, long maxBytes)
    {
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }
    }
}
