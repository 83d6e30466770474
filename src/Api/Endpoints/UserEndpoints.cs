using Mediator;
using Platform.Application.Common.Paging;
using Platform.Application.Users;
using Platform.Application.Users.Commands.CreateUser;
using Platform.Application.Users.Commands.UpdateUser;
using Platform.Application.Users.Queries.GetCurrentUser;
using Platform.Application.Users.Queries.ListUsers;
using Platform.Domain.Identity;

namespace Platform.Api.Endpoints;

internal static class UserEndpoints
{
    public sealed record CreateUserRequest(string UserName, string Password, IReadOnlyList<Role> Roles);

    public sealed record UpdateUserRequest(IReadOnlyList<Role>? Roles, string? Password, bool? IsDisabled);

    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");

        users.MapGet("/me", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(), ct)))
            .WithSummary("Who the caller is, with the roles in effect.");

        users.MapPost("/", async (CreateUserRequest request, ISender sender, CancellationToken ct) =>
        {
            UserDto user = await sender.Send(new CreateUserCommand(request.UserName, request.Password, request.Roles ?? []), ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        }).WithSummary("Creates a local user (Admin).");

        users.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<UserDto>>(await sender.Send(new ListUsersQuery(limit, cursor), ct)))
            .WithSummary("Lists users by name (Admin).");

        users.MapPatch("/{id:guid}", async (Guid id, UpdateUserRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateUserCommand(id, request.Roles, request.Password, request.IsDisabled), ct)))
            .WithSummary("Changes a user's roles, password or disabled flag (Admin).");
    }
}
