namespace Platform.Infrastructure.Identity;

public static class PlatformAuthenticationSchemes
{
    /// <summary>The default: picks one of the schemes below from the bearer token's shape.</summary>
    public const string Selector = "Platform";

    /// <summary>JWTs issued by this API (<c>POST /api/v1/auth/token</c>).</summary>
    public const string Local = "Local";

    /// <summary>JWTs from the configured external OpenID Connect authority.</summary>
    public const string External = "External";

    /// <summary>Personal access tokens (<c>plat_…</c>).</summary>
    public const string AccessToken = "AccessToken";

    /// <summary>A running job's token (<c>pjt_…</c>), issued to its worker with the claim; and a queued job's claim ticket (<c>pjc_…</c>), sent with its message.</summary>
    public const string JobToken = "JobToken";

    /// <summary>An edge device's token (<c>pdt_…</c>), issued for a proof of its key.</summary>
    public const string DeviceToken = "DeviceToken";
}
