using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>What the portal's users page relies on: an Admin changes roles and disables users, but never locks themselves out.</summary>
public sealed class UserAdministrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "a-long-enough-password";

    [Theory]
    [InlineData("""{"roles":["Viewer"]}""")]
    [InlineData("""{"isDisabled":true}""")]
    public async Task An_admin_cannot_remove_their_own_admin_role_or_disable_themselves(string change)
    {
        using var admin = await factory.AdminAsync();
        var me = (await (await admin.GetAsync("/api/v1/users/me")).ExpectAsync(200))["id"]!.GetValue<string>();

        using var body = new StringContent(change, System.Text.Encoding.UTF8, "application/json");
        var refused = await (await admin.PatchAsync($"/api/v1/users/{me}", body)).ExpectAsync(409);

        Assert.Equal("user.self-lockout", refused["code"]!.GetValue<string>());
        Assert.Contains("your own Admin role", refused["detail"]!.GetValue<string>());
        var still = await (await admin.GetAsync("/api/v1/users/me")).ExpectAsync(200);
        Assert.Contains("Admin", still["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task An_admin_changes_another_users_roles_and_the_change_is_audited()
    {
        using var admin = await factory.AdminAsync();
        var name = "promoted-" + Guid.NewGuid().ToString("N")[..6];
        var created = await (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = Password, roles = new[] { "Viewer" } })).ExpectAsync(201);
        using (var viewer = factory.Authorized(await factory.TokenAsync(name, Password)))
        {
            await (await viewer.PostJsonAsync("/api/v1/experiments", new { name = name + "-a" })).ExpectAsync(403);
        }

        var changed = await (await admin.PatchJsonAsync($"/api/v1/users/{created["id"]}", new { roles = new[] { "Viewer", "DataScientist" }, isDisabled = false })).ExpectAsync(200);

        Assert.Equal(["Viewer", "DataScientist"], changed["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        using var scientist = factory.Authorized(await factory.TokenAsync(name, Password));
        await (await scientist.PostJsonAsync("/api/v1/experiments", new { name = name + "-b" })).ExpectAsync(201);
        var audit = (await (await admin.GetAsync("/api/v1/audit?action=UpdateUser&limit=500")).ExpectAsync(200))["items"]!.ToJsonString();
        Assert.Contains(created["id"]!.GetValue<string>(), audit);
    }

    [Fact]
    public async Task Roles_cannot_be_changed_to_none()
    {
        using var admin = await factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/users", new { userName = "empty-" + Guid.NewGuid().ToString("N")[..6], password = Password, roles = new[] { "Viewer" } }))
            .ExpectAsync(201);

        var refused = await (await admin.PatchJsonAsync($"/api/v1/users/{created["id"]}", new { roles = Array.Empty<string>() })).ExpectAsync(400);

        Assert.NotNull(refused["errors"]!["roles"]);
    }
}
