namespace Platform.Web;

/// <summary>Which requests are a person's browser asking for a portal page (not the Api, a hub, serving or a file).</summary>
public static class PortalRequests
{
    private static readonly PathString[] NotPages =
    [
        "/api", "/v2", "/hubs", "/health", "/openapi", "/scalar", "/_framework", "/_content", "/_blazor",
    ];

    public static bool IsPage(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path;
        if (NotPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(path.Value))
        {
            return false;
        }

        return request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
