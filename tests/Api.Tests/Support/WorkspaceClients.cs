using System.Net.Http.Headers;

namespace Platform.Api.Tests.Support;

/// <summary>
/// A signed-in client whose calls go to one workspace: every <c>/api/v1/…</c> path of a workspace's resources gets
/// <c>/workspaces/{name}</c> put in front, so the shortcuts written for the home workspace arrange data anywhere.
/// </summary>
public static class WorkspaceClients
{
    private static readonly string[] PlatformWide = ["auth", "users", "workspaces", "tokens", "audit"];

    public static HttpClient InWorkspace(this ApiFactory factory, string token, string workspace)
    {
        var client = factory.CreateDefaultClient(new IntoWorkspace(workspace));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class IntoWorkspace(string workspace) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var rest = path.StartsWith("/api/v1/", StringComparison.Ordinal) ? path["/api/v1/".Length..] : null;
            var opensLink = request.Method == HttpMethod.Get && rest?.StartsWith("downloads/", StringComparison.Ordinal) == true;
            if (rest is not null && !opensLink && !PlatformWide.Contains(rest.Split('/')[0]))
            {
                var builder = new UriBuilder(request.RequestUri) { Path = $"/api/v1/workspaces/{workspace}/{rest}" };
                request.RequestUri = builder.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
