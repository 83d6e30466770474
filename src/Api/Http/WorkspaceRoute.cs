using Platform.Application.Common.Security;

namespace Platform.Api.Http;

/// <summary>
/// Every request starts outside every workspace: it sees none until the application enters the one its route names
/// (<c>/api/v1/workspaces/{workspace}/…</c>), or where the path names none, the caller's home workspace.
/// </summary>
internal static class WorkspaceRoute
{
    public const string Parameter = "workspace";

    public static IApplicationBuilder UseWorkspaceRoute(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.RequestServices.GetRequiredService<WorkspaceScope>().Close(context.GetRouteValue(Parameter) as string);
        return next(context);
    });
}
