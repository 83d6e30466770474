using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Workspaces;

/// <summary>A personal access token scoped to a workspace works there and finds no other, even one its owner belongs to.</summary>
public sealed class ScopedTokenTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_token_scoped_to_one_workspace_fails_in_another_of_its_owners()
    {
        using var admin = await factory.AdminAsync();
        var (a, b) = ("tok-a-" + Guid.NewGuid().ToString("N")[..8], "tok-b-" + Guid.NewGuid().ToString("N")[..8]);
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = a })).ExpectAsync(201);
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = b })).ExpectAsync(201);

        var created = await (await admin.PostJsonAsync("/api/v1/tokens", new { name = "ci-a", roles = new[] { "DataScientist" }, workspaces = new[] { a } })).ExpectAsync(201);
        Assert.Equal([a], created["token"]!["workspaces"]!.AsArray().Select(w => w!.GetValue<string>()));
        using var token = factory.Authorized(created["secret"]!.GetValue<string>());

        await (await token.PostJsonAsync($"/api/v1/workspaces/{a}/experiments", new { name = "scoped" })).ExpectAsync(201);
        var refused = await (await token.GetAsync($"/api/v1/workspaces/{b}/experiments")).ExpectAsync(404);
        Assert.Contains(b, refused["detail"]!.GetValue<string>());
        await (await token.GetAsync("/api/v1/experiments")).ExpectAsync(404);
        var listed = await (await admin.GetAsync("/api/v1/tokens?limit=500")).ExpectAsync(200);
        Assert.Contains(listed["items"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "ci-a" && t["workspaces"]![0]!.GetValue<string>() == a);
    }

    [Fact]
    public async Task A_token_cannot_be_scoped_to_a_workspace_its_owner_is_not_in()
    {
        using var admin = await factory.AdminAsync();
        var other = "tok-x-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = other })).ExpectAsync(201);
        using var scientist = await factory.UserAsync("DataScientist");

        var refused = await (await scientist.PostJsonAsync("/api/v1/tokens", new { name = "sneaky", roles = new[] { "DataScientist" }, workspaces = new[] { other } })).ExpectAsync(404);

        Assert.Contains(other, refused["detail"]!.GetValue<string>());
    }
}
