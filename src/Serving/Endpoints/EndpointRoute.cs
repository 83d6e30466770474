using Platform.Contracts.Api;

namespace Platform.Serving.Endpoints;

/// <summary>
/// Where a request names its endpoint: <c>/v2/models/{name}</c> serves the default workspace's deployments,
/// <c>/workspaces/{workspace}/v2/models/{name}</c> any workspace's (the default one's too), so an Open Inference
/// Protocol client pointed at <c>…/workspaces/{workspace}</c> finds the whole protocol there.
/// </summary>
internal static class EndpointRoute
{
    public const string WorkspaceParameter = "workspace";

    public const string InWorkspace = "/workspaces/{" + WorkspaceParameter + "}/v2";

    /// <summary>The served endpoint the route names (<see cref="ServingControlPlaneApi.EndpointName"/>).</summary>
    public static string Name(HttpContext context, string name) =>
        ServingControlPlaneApi.EndpointName(context.Request.RouteValues[WorkspaceParameter] as string ?? ServingControlPlaneApi.DefaultWorkspace, name);

    /// <inheritdoc cref="Name(HttpContext, string)"/>
    public static string Name(HttpContext context) => Name(context, (string)context.Request.RouteValues["name"]!);
}
