using Microsoft.AspNetCore.SignalR;
using Platform.Application.Common.Security;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Hubs;

/// <summary>
/// Makes the hub connection's user the current user of each hub call, whatever the transport, and starts the call
/// outside every workspace: a subscription names its workspace in the hub address (<c>?workspace=name</c>; none:
/// the caller's home one) and is checked inside it by the same queries as the REST API.
/// </summary>
internal sealed class CurrentUserHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        invocationContext.ServiceProvider.GetRequiredService<CurrentPrincipal>().Principal = invocationContext.Context.User;
        var workspace = invocationContext.Context.GetHttpContext()?.Request.Query[Http.WorkspaceRoute.Parameter].ToString();
        invocationContext.ServiceProvider.GetRequiredService<WorkspaceScope>().Close(string.IsNullOrEmpty(workspace) ? null : workspace);
        return next(invocationContext);
    }
}
