using System.Security.Claims;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>
/// A real OpenID Connect discovery document and key set served over HTTP by a small identity server started in
/// the test (<see cref="TestAuthority"/>); the API configured with it as <c>Auth:Authority</c> accepts its tokens and reads roles from them.
/// </summary>
public sealed class ExternalAuthorityTests : IAsyncLifetime
{
    private readonly TestAuthority _authority = new();
    private ApiFactory? _api;

    public async Task InitializeAsync()
    {
        await _authority.StartAsync();
        _api = new ApiFactory().With("Auth:Authority", _authority.Issuer).With("Auth:RequireHttpsMetadata", "false");
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task A_token_from_the_configured_authority_is_accepted_with_its_roles()
    {
        using var client = _api!.Authorized(Mint("platform-api", "DataScientist"));
        var me = await (await client.GetAsync("/api/v1/users/me")).ExpectAsync(200);
        Assert.Equal("ext-alice", me["name"]!.GetValue<string>());
        Assert.Null(me["id"]);
        var experiment = await client.CreateExperimentAsync();
        var created = await (await client.GetAsync($"/api/v1/experiments/{experiment}")).ExpectAsync(200);
        Assert.Equal("ext-alice", created["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_from_the_authority_cannot_write_and_foreign_tokens_are_refused()
    {
        using var viewer = _api!.Authorized(Mint("platform-api", "Viewer"));
        await (await viewer.PostJsonAsync("/api/v1/experiments", new { name = "x" })).ExpectAsync(403);
        using var wrongAudience = _api.Authorized(Mint("someone-else", "Admin"));
        await (await wrongAudience.GetAsync("/api/v1/experiments")).ExpectAsync(401);
        using var wrongIssuer = _api.Authorized(_authority.Mint("platform-api", [new Claim("roles", "Admin")], issuer: "http://evil.example"));
        await (await wrongIssuer.GetAsync("/api/v1/experiments")).ExpectAsync(401);

        // The local sign-in keeps working beside the external authority.
        using var admin = await _api.AdminAsync();
        await (await admin.GetAsync("/api/v1/users")).ExpectAsync(200);
    }

    private string Mint(string audience, string role) => _authority.Mint(audience, [new Claim("roles", role)]);
}
