namespace Platform.Api.Http;

/// <summary>Where a created resource lives, in the form the request used: inside its workspace's path, or the path that names none.</summary>
internal static class ApiLocation
{
    public static string Of(HttpContext http, string relative) =>
        http.GetRouteValue(WorkspaceRoute.Parameter) is string workspace
            ? $"/api/v1/workspaces/{Uri.EscapeDataString(workspace)}/{relative}"
            : $"/api/v1/{relative}";
}
