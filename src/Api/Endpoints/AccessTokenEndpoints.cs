using Mediator;
using Platform.Application.AccessTokens;
using Platform.Application.AccessTokens.Commands.CreateAccessToken;
using Platform.Application.AccessTokens.Commands.RevokeAccessToken;
using Platform.Application.AccessTokens.Queries.ListAccessTokens;
using Platform.Application.Common.Paging;
using Platform.Domain.Identity;

namespace Platform.Api.Endpoints;

internal static class AccessTokenEndpoints
{
    public sealed record CreateAccessTokenRequest(string Name, IReadOnlyList<Role> Roles, int? ExpiresInDays, IReadOnlyList<string>? Workspaces);

    public static void MapAccessTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Access tokens");

        tokens.MapPost("/", async (CreateAccessTokenRequest request, ISender sender, CancellationToken ct) =>
        {
            CreatedAccessTokenDto created = await sender.Send(new CreateAccessTokenCommand(request.Name, request.Roles ?? [], request.ExpiresInDays, request.Workspaces), ct);
            return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
        }).WithSummary("Creates a personal access token; its secret is in this response only.");

        tokens.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<AccessTokenDto>>(await sender.Send(new ListAccessTokensQuery(limit, cursor), ct)))
            .WithSummary("Lists the caller's tokens (never their secrets).");

        tokens.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RevokeAccessTokenCommand(id), ct)))
            .WithSummary("Revokes a token at once.");
    }
}
