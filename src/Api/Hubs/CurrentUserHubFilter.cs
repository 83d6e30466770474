using Microsoft.AspNetCore.SignalR;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Hubs;

/// <summary>Makes the hub connection's user the current user of each hub call, whatever the transport.</summary>
internal sealed class CurrentUserHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        invocationContext.ServiceProvider.GetRequiredService<CurrentPrincipal>().Principal = invocationContext.Context.User;
        return next(invocationContext);
    }
}
