using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Infrastructure.Persistence;

namespace Platform.Api.Tests.Security;

public sealed class AccessTokenTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_token_is_shown_once_stored_only_as_a_hash_and_works_until_revoked()
    {
        using var user = await factory.UserAsync("DataScientist", "Viewer");
        var created = await (await user.PostJsonAsync("/api/v1/tokens", new { name = "ci", roles = new[] { "DataScientist" }, expiresInDays = 30 }))
            .ExpectAsync(201);
        var secret = created["secret"]!.GetValue<string>();
        var id = created["token"]!["id"]!.GetValue<string>();
        Assert.StartsWith("plat_", secret);

        var listed = await (await user.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, listed);
        Assert.Contains(secret[..12], listed);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var stored = await db.AccessTokens.SingleAsync(t => t.Id == Guid.Parse(id));
            Assert.NotEqual(secret, stored.TokenHash);
            Assert.Equal(64, stored.TokenHash.Length);
        }

        using var integration = factory.Authorized(secret);
        var experiment = await integration.CreateExperimentAsync();
        var me = await (await integration.GetAsync("/api/v1/users/me")).ExpectAsync(200);
        Assert.Equal(id, me["accessTokenId"]!.GetValue<string>());

        await (await user.DeleteAsync($"/api/v1/tokens/{id}")).ExpectAsync(200);
        await (await integration.GetAsync($"/api/v1/experiments/{experiment}")).ExpectAsync(401);
    }

    [Fact]
    public async Task A_token_scoped_to_viewer_reads_but_cannot_write()
    {
        using var user = await factory.UserAsync("DataScientist");
        var created = await (await user.PostJsonAsync("/api/v1/tokens", new { name = "reader", roles = new[] { "Viewer" } })).ExpectAsync(403);
        Assert.Contains("roles its owner lacks", created["detail"]!.GetValue<string>());

        using var both = await factory.UserAsync("DataScientist", "Viewer");
        var token = await (await both.PostJsonAsync("/api/v1/tokens", new { name = "reader", roles = new[] { "Viewer" } })).ExpectAsync(201);
        using var reader = factory.Authorized(token["secret"]!.GetValue<string>());
        await (await reader.GetAsync("/api/v1/experiments")).ExpectAsync(200);
        await (await reader.PostJsonAsync("/api/v1/experiments", new { name = "x" })).ExpectAsync(403);
    }

    [Fact]
    public async Task A_token_cannot_mint_tokens_and_a_forged_or_expired_one_is_401()
    {
        using var user = await factory.UserAsync("DataScientist");
        var token = await (await user.PostJsonAsync("/api/v1/tokens", new { name = "ci", roles = new[] { "DataScientist" }, expiresInDays = 1 }))
            .ExpectAsync(201);
        using var integration = factory.Authorized(token["secret"]!.GetValue<string>());
        await (await integration.PostJsonAsync("/api/v1/tokens", new { name = "child", roles = new[] { "DataScientist" } })).ExpectAsync(403);

        using var forged = factory.Authorized("plat_" + new string('A', 43));
        await (await forged.GetAsync("/api/v1/experiments")).ExpectAsync(401);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var id = Guid.Parse(token["token"]!["id"]!.GetValue<string>());
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AccessTokens SET ExpiresAt = 0 WHERE Id = {id}");
        }

        await (await integration.GetAsync("/api/v1/experiments")).ExpectAsync(401);
    }

    [Fact]
    public async Task A_disabled_user_is_locked_out_at_once_even_with_a_valid_jwt()
    {
        using var admin = await factory.AdminAsync();
        var created = await (await admin.PostJsonAsync("/api/v1/users", new { userName = "leaver", password = "a-long-enough-password", roles = new[] { "Viewer" } }))
            .ExpectAsync(201);
        using var leaver = factory.Authorized(await factory.TokenAsync("leaver", "a-long-enough-password"));
        await (await leaver.GetAsync("/api/v1/experiments")).ExpectAsync(200);
        await (await admin.PatchJsonAsync($"/api/v1/users/{created["id"]}", new { isDisabled = true })).ExpectAsync(200);
        await (await leaver.GetAsync("/api/v1/experiments")).ExpectAsync(401);
        using var anonymous = factory.CreateClient();
        await (await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName = "leaver", password = "a-long-enough-password" })).ExpectAsync(401);
    }

    [Fact]
    public async Task Wrong_passwords_and_unknown_users_get_the_same_401()
    {
        using var anonymous = factory.CreateClient();
        var wrong = await (await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName = ApiFactory.AdminUser, password = "nope" })).ExpectAsync(401);
        var unknown = await (await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName = "ghost", password = "nope" })).ExpectAsync(401);
        Assert.Equal(wrong["detail"]!.GetValue<string>(), unknown["detail"]!.GetValue<string>());
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");
        await (await anonymous.GetAsync("/api/v1/experiments")).ExpectAsync(401);
    }

    [Fact]
    public async Task Only_an_admin_manages_users()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        await (await scientist.GetAsync("/api/v1/users")).ExpectAsync(403);
        await (await scientist.PostJsonAsync("/api/v1/users", new { userName = "x", password = "a-long-enough-password", roles = new[] { "Admin" } }))
            .ExpectAsync(403);
        using var admin = await factory.AdminAsync();
        var weak = await (await admin.PostJsonAsync("/api/v1/users", new { userName = "weak", password = "short", roles = new[] { "Viewer" } }))
            .ExpectAsync(400);
        Assert.NotNull(weak["errors"]!["password"]);
    }
}
