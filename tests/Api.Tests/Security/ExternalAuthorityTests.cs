using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>
/// A real OpenID Connect discovery document and key set served over HTTP by a small identity server started in
/// the test; the API configured with it as <c>Auth:Authority</c> accepts its tokens and reads roles from them.
/// </summary>
public sealed class ExternalAuthorityTests : IAsyncLifetime
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private WebApplication? _identityServer;
    private ApiFactory? _api;
    private string _issuer = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _identityServer = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        _identityServer.MapGet("/.well-known/openid-configuration", (HttpContext c) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _issuer,
            ["jwks_uri"] = _issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _identityServer.MapGet("/jwks", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await _identityServer.StartAsync();
        _issuer = _identityServer.Urls.Single();
        _api = new ApiFactory().With("Auth:Authority", _issuer).With("Auth:RequireHttpsMetadata", "false");
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_identityServer is not null)
        {
            await _identityServer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_from_the_configured_authority_is_accepted_with_its_roles()
    {
        using var client = _api!.Authorized(Mint(_issuer, "platform-api", "DataScientist"));
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
        using var viewer = _api!.Authorized(Mint(_issuer, "platform-api", "Viewer"));
        await (await viewer.PostJsonAsync("/api/v1/experiments", new { name = "x" })).ExpectAsync(403);
        using var wrongAudience = _api.Authorized(Mint(_issuer, "someone-else", "Admin"));
        await (await wrongAudience.GetAsync("/api/v1/experiments")).ExpectAsync(401);
        using var wrongIssuer = _api.Authorized(Mint("http://evil.example", "platform-api", "Admin"));
        await (await wrongIssuer.GetAsync("/api/v1/experiments")).ExpectAsync(401);

        // The local sign-in keeps working beside the external authority.
        using var admin = await _api.AdminAsync();
        await (await admin.GetAsync("/api/v1/users")).ExpectAsync(200);
    }

    private string Mint(string issuer, string audience, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Subject = new ClaimsIdentity([new Claim("sub", "ext-123"), new Claim("preferred_username", "ext-alice"), new Claim("roles", role)]),
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });
}
