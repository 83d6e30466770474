using Microsoft.AspNetCore.SignalR;
using Platform.Application.Common.Exceptions;

namespace Platform.Api.Hubs;

internal static class HubGuard
{
    /// <summary>Runs the query that checks a subscription; a refusal reaches the client as a hub error with its reason.</summary>
    public static async Task<T> Guarded<T>(Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenAccessException or UnauthenticatedException or RequestValidationException)
        {
            throw new HubException(e.Message);
        }
    }
}
