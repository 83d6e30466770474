using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Platform.Web.Api;

/// <summary>What a page tells the user when a call to the Api fails, so that no Api failure breaks the circuit.</summary>
public static class ApiFailure
{
    /// <summary>A readable message for a failed Api or hub call; null for any other exception (a bug, left to surface).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        ApiProblem problem => problem.Readable,
        HubException hub => Plain(hub.Message),
        JsonException => "The Api answered something this page does not understand; reload, or tell the platform team.",
        HttpRequestException => "The Api cannot be reached; try again in a moment.",
        _ => null,
    };

    private const string HubPrefix = "HubException: ";

    /// <summary>
    /// A hub's refusal without SignalR's wrapping ("An unexpected error occurred invoking 'SubscribeToApprovals' on the
    /// server. HubException: …"): only the reason the Api gave, or a plain sentence when it gave none.
    /// </summary>
    public static string Plain(string hubMessage)
    {
        var at = hubMessage.IndexOf(HubPrefix, StringComparison.Ordinal);
        if (at >= 0)
        {
            return hubMessage[(at + HubPrefix.Length)..].Trim();
        }

        return hubMessage.StartsWith("An unexpected error occurred", StringComparison.Ordinal)
            ? "Live updates are not available for this page right now; reload to try again."
            : hubMessage;
    }
}
