namespace Platform.Infrastructure.Identity;

/// <summary>Section <c>Auth</c>: the built-in token issuer, and optionally an external OpenID Connect authority.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "platform";

    public string Audience { get; set; } = "platform-api";

    /// <summary>Lifetime of tokens from <c>POST /api/v1/auth/token</c>.</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>Base64 HMAC key shared by all api replicas. When empty, a key is generated once into <see cref="SigningKeyPath"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Defaults to <c>keys/jwt-signing.key</c> in the data folder.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>An external OpenID Connect authority (e.g. https://login.example.com/realms/ml) whose tokens the API also accepts.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience external tokens must carry; defaults to <see cref="Audience"/>.</summary>
    public string? ExternalAudience { get; set; }

    /// <summary>Claim that holds roles in external tokens.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim that holds the groups in external tokens (a JSON array or repeated claims), read by <see cref="WorkspaceRoles"/>.</summary>
    public string GroupClaim { get; set; } = "groups";

    /// <summary>Which groups of external tokens hold which roles in which workspace; validated at start-up (<see cref="AuthOptionsValidator"/>).</summary>
    public List<WorkspaceRoleMapping> WorkspaceRoles { get; set; } = [];

    /// <summary>Claim that names the person in external tokens.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Allow http:// authorities (tests and local identity servers only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
