using Mediator;
using Platform.Application.Auth.Commands.IssueToken;
using Platform.Application.Common.Interfaces;

namespace Platform.Api.Endpoints;

internal static class AuthEndpoints
{
    public sealed record TokenRequest(string UserName, string Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async (TokenRequest request, ISender sender, CancellationToken ct) =>
            {
                IssuedBearerToken token = await sender.Send(new IssueTokenCommand(request.UserName, request.Password), ct);
                return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresInSeconds));
            })
            .AllowAnonymous()
            .RequireRateLimiting(ApiComposition.TokenRateLimitPolicy)
            .WithTags("Auth")
            .WithSummary("Exchanges a user name and password for a bearer token.");
    }
}
