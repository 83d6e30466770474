using System.Net.Http.Json;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Workspaces;

/// <summary>
/// Workspaces and their members over HTTP: a platform Admin creates one and administers it, members see it with their
/// roles there, anyone else gets 404 (not 403), and a workspace always keeps an Admin.
/// </summary>
public sealed class WorkspacesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_creates_a_workspace_and_becomes_its_admin_and_a_name_is_taken_once()
    {
        using var admin = await factory.AdminAsync();
        var name = NewName();

        var created = await (await admin.PostJsonAsync("/api/v1/workspaces", new { name, displayName = "Fraud (EU)" })).ExpectAsync(201);

        Assert.Equal((name, "Fraud (EU)"), (created["name"]!.GetValue<string>(), created["displayName"]!.GetValue<string>()));
        Assert.Equal(["Admin"], created["yourRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var again = await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(409);
        Assert.Contains(name, again["detail"]!.GetValue<string>());
        var bad = await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = "Fraud EU" })).ExpectAsync(400);
        Assert.Contains("lowercase", bad["errors"]!["name"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_a_platform_admin_creates_workspaces()
    {
        using var scientist = await factory.UserAsync("DataScientist");

        await (await scientist.PostJsonAsync("/api/v1/workspaces", new { name = NewName() })).ExpectAsync(403);
    }

    [Fact]
    public async Task The_first_admin_administers_default_and_a_new_user_joins_it_with_their_roles()
    {
        using var admin = await factory.AdminAsync();
        using var scientist = await factory.UserAsync("DataScientist");

        var byAdmin = await (await admin.GetAsync("/api/v1/workspaces/default")).ExpectAsync(200);
        var byScientist = await (await scientist.GetAsync("/api/v1/workspaces/default")).ExpectAsync(200);

        Assert.Equal(["Admin"], byAdmin["yourRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["DataScientist"], byScientist["yourRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_workspace_is_404_to_non_members_until_its_admin_adds_them_and_a_viewer_cannot_change_members()
    {
        using var admin = await factory.AdminAsync();
        using var scientist = await factory.UserAsync("DataScientist");
        var userName = await NameAsync(scientist);
        var name = NewName();
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);

        await (await scientist.GetAsync($"/api/v1/workspaces/{name}")).ExpectAsync(404);
        await (await scientist.GetAsync($"/api/v1/workspaces/{name}/members")).ExpectAsync(404);
        Assert.DoesNotContain(name, await ListedAsync(scientist));
        await (await scientist.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/{userName}", new { roles = new[] { "Admin" } })).ExpectAsync(404);

        var added = await (await admin.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/{userName}", new { roles = new[] { "Viewer" } })).ExpectAsync(200);

        Assert.Equal(["Viewer"], added["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(name, await ListedAsync(scientist));
        var seen = await (await scientist.GetAsync($"/api/v1/workspaces/{name}")).ExpectAsync(200);
        Assert.Equal(["Viewer"], seen["yourRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var members = await (await scientist.GetAsync($"/api/v1/workspaces/{name}/members")).ExpectAsync(200);
        Assert.Equal(2, members["items"]!.AsArray().Count);
        await (await scientist.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/{userName}", new { roles = new[] { "Admin" } })).ExpectAsync(403);
        var machine = await (await admin.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/{userName}", new { roles = new[] { "System" } })).ExpectAsync(400);
        Assert.NotNull(machine["errors"]!["roles[0]"]);
        await (await admin.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/nobody-{Guid.NewGuid():N}", new { roles = new[] { "Viewer" } })).ExpectAsync(404);
    }

    [Fact]
    public async Task The_last_admin_of_a_workspace_can_be_neither_demoted_nor_removed_until_another_is_admin()
    {
        using var admin = await factory.AdminAsync();
        using var operatorUser = await factory.UserAsync("Operator");
        var (adminName, operatorName) = (await NameAsync(admin), await NameAsync(operatorUser));
        var name = NewName();
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);

        var demoted = await (await admin.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/{adminName}", new { roles = new[] { "Viewer" } })).ExpectAsync(409);
        Assert.Contains("last Admin", demoted["detail"]!.GetValue<string>());
        await (await admin.DeleteAsync($"/api/v1/workspaces/{name}/members/{adminName}")).ExpectAsync(409);

        await (await admin.PutAsJsonAsync($"/api/v1/workspaces/{name}/members/{operatorName}", new { roles = new[] { "Operator", "Admin" } })).ExpectAsync(200);
        var removed = await admin.DeleteAsync($"/api/v1/workspaces/{name}/members/{adminName}");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, removed.StatusCode);
        var members = await (await operatorUser.GetAsync($"/api/v1/workspaces/{name}/members")).ExpectAsync(200);
        Assert.Equal([operatorName], members["items"]!.AsArray().Select(m => m!["userName"]!.GetValue<string>()));
    }

    private static string NewName() => "ws-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> NameAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/users/me")).ExpectAsync(200))["name"]!.GetValue<string>();

    private static async Task<List<string>> ListedAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/api/v1/workspaces?limit=500")).ExpectAsync(200);
        return [.. page["items"]!.AsArray().Select(w => w!["name"]!.GetValue<string>())];
    }
}
