using Microsoft.AspNetCore.Http;

namespace Platform.Infrastructure.Identity;

internal static class BearerToken
{
    /// <summary>Browsers cannot set headers on WebSockets: SignalR sends the token in the query string, on hub paths only.</summary>
    public const string HubPathPrefix = "/hubs";

    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubPathPrefix) && request.Query.TryGetValue("access_token", out var token)
            ? token.ToString()
            : null;
    }
}
