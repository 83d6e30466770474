namespace Platform.Application.Common.Interfaces;

/// <summary>Issues the API's signed bearer tokens (JWT) for a local user.</summary>
public interface IBearerTokenIssuer
{
    IssuedBearerToken Issue(User user);
}

public sealed record IssuedBearerToken(string AccessToken, int ExpiresInSeconds);
