namespace Platform.Api.Tests.Support;

/// <summary>
/// Sends a client's calls to one workspace: every <c>/api/v1/…</c> path of a workspace's resources gets
/// <c>/workspaces/{name}</c> put in front (platform-wide routes and opening a download link stay where they are), so
/// the shortcuts written for the home workspace arrange data anywhere.
/// </summary>
public sealed class IntoWorkspace(string workspace) : DelegatingHandler
{
    private static readonly string[] PlatformWide = ["auth", "users", "workspaces", "tokens", "audit", "serving", "workers"];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri!.AbsolutePath;
        var rest = path.StartsWith("/api/v1/", StringComparison.Ordinal) ? path["/api/v1/".Length..] : null;
        var opensLink = request.Method == HttpMethod.Get && rest?.StartsWith("downloads/", StringComparison.Ordinal) == true;
        if (rest is not null && !opensLink && !PlatformWide.Contains(rest.Split('/')[0]))
        {
            request.RequestUri = new UriBuilder(request.RequestUri) { Path = $"/api/v1/workspaces/{workspace}/{rest}" }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
