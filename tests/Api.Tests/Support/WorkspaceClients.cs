using System.Net.Http.Headers;

namespace Platform.Api.Tests.Support;

/// <summary>
/// A signed-in client whose calls go to one workspace (<see cref="IntoWorkspace"/>).
/// </summary>
public static class WorkspaceClients
{
    public static HttpClient InWorkspace(this ApiFactory factory, string token, string workspace)
    {
        var client = factory.CreateDefaultClient(new IntoWorkspace(workspace));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
