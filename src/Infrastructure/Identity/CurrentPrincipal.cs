using System.Security.Claims;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// The principal of work that runs outside an HTTP request's context, such as a SignalR hub call over long polling
/// (its request is gone by then): set per call by the hub filter, read by <see cref="HttpCurrentUser"/>.
/// </summary>
public sealed class CurrentPrincipal
{
    public ClaimsPrincipal? Principal { get; set; }
}
