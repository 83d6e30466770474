namespace Platform.Infrastructure.Identity;

/// <summary>Claim names in the API's own tokens and in the principal built for personal access tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string AccessTokenId = "token_id";
}
