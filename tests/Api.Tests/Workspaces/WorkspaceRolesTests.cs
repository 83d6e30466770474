using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Workspaces;

/// <summary>
/// Inside a workspace every check reads the roles held there, not the platform's: an Approver elsewhere who is a
/// Viewer here cannot approve here; and a token administers a workspace only if it carries Admin itself.
/// </summary>
public sealed class WorkspaceRolesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task An_approver_of_default_who_is_a_viewer_in_a_workspace_cannot_approve_there()
    {
        using var admin = await factory.AdminAsync();
        var name = "roles-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);
        var bob = "bob-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/users", new { userName = bob, password = Password, roles = new[] { "Approver" } })).ExpectAsync(201);
        await (await admin.PutJsonAsync($"/api/v1/workspaces/{name}/members/{bob}", new { roles = new[] { "Viewer" } })).ExpectAsync(200);
        using var inside = factory.InWorkspace(await factory.TokenAsync(ApiFactory.AdminUser, ApiFactory.AdminPassword), name);
        await inside.RegisterVersionAsync("gated");
        var request = (await (await inside.PostJsonAsync("/api/v1/models/gated/versions/1/promotions", new { targetStage = "Staging", justification = "ready" })).ExpectAsync(201))["id"]!.GetValue<string>();
        using var approver = factory.InWorkspace(await factory.TokenAsync(bob, Password), name);

        var refused = await (await approver.PostJsonAsync($"/api/v1/promotions/{request}/approve", new { comment = "fine" })).ExpectAsync(403);

        Assert.Contains("Viewer", refused["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_token_of_a_workspace_admin_cannot_change_its_members()
    {
        using var admin = await factory.AdminAsync();
        var name = "roles-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name })).ExpectAsync(201);
        var created = await (await admin.PostJsonAsync("/api/v1/tokens", new { name = "read-only", roles = new[] { "Viewer" } })).ExpectAsync(201);
        using var token = factory.Authorized(created["secret"]!.GetValue<string>());

        await (await token.PutJsonAsync($"/api/v1/workspaces/{name}/members/{ApiFactory.AdminUser}", new { roles = new[] { "Viewer" } })).ExpectAsync(403);
        await (await token.GetAsync($"/api/v1/workspaces/{name}/members")).ExpectAsync(200);
    }
}
