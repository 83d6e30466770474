using Mediator;
using Platform.Application.Common.Paging;
using Platform.Application.Workspaces;
using Platform.Application.Workspaces.Commands.CreateWorkspace;
using Platform.Application.Workspaces.Commands.PutWorkspaceMember;
using Platform.Application.Workspaces.Commands.RemoveWorkspaceMember;
using Platform.Application.Workspaces.Commands.SetWorkspaceQuotas;
using Platform.Application.Workspaces.Queries.GetWorkspace;
using Platform.Application.Workspaces.Queries.GetWorkspaceQuotas;
using Platform.Application.Workspaces.Queries.ListWorkspaceMembers;
using Platform.Application.Workspaces.Queries.ListWorkspaces;
using Platform.Domain.Identity;

namespace Platform.Api.Endpoints;

/// <summary>Workspaces, their members and their quotas: the platform-wide routes about a workspace (its resources live under it, see ApiComposition).</summary>
internal static class WorkspaceEndpoints
{
    public sealed record CreateWorkspaceRequest(string Name, string? DisplayName, string? Description);

    public sealed record PutMemberRequest(IReadOnlyList<Role> Roles);

    public sealed record PutQuotasRequest(int? ConcurrentJobs, int? ConcurrentGpuJobs, long? StorageBytes, int? Deployments);

    public static void MapWorkspaceEndpoints(this RouteGroupBuilder api)
    {
        var workspaces = api.MapGroup("/workspaces").WithTags("Workspaces");

        workspaces.MapPost("/", async (CreateWorkspaceRequest request, ISender sender, CancellationToken ct) =>
        {
            WorkspaceDto workspace = await sender.Send(new CreateWorkspaceCommand(request.Name, request.DisplayName, request.Description), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspace.Name}", workspace);
        }).WithSummary("Creates a workspace (platform Admin); its creator becomes its Admin.");

        workspaces.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<WorkspaceDto>>(await sender.Send(new ListWorkspacesQuery(limit, cursor), ct)))
            .WithSummary("The workspaces the caller belongs to, with their roles there (a platform Admin sees all).");

        workspaces.MapGet("/{workspace}", async (string workspace, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetWorkspaceQuery(workspace), ct)))
            .WithSummary("One workspace; 404 for anyone who is not its member.");

        workspaces.MapGet("/{workspace}/quotas", async (string workspace, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetWorkspaceQuotasQuery(workspace), ct)))
            .WithSummary("The workspace's quotas (concurrent jobs, concurrent GPU jobs, storage bytes, deployments) with what it uses now and how many jobs wait for a share.");

        workspaces.MapPut("/{workspace}/quotas", async (string workspace, PutQuotasRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetWorkspaceQuotasCommand(workspace, request.ConcurrentJobs, request.ConcurrentGpuJobs, request.StorageBytes, request.Deployments), ct)))
            .WithSummary("Sets the workspace's own quotas (platform Admin); one left out is the platform's default (Workspaces:Quotas).");

        workspaces.MapGet("/{workspace}/members", async (string workspace, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<WorkspaceMemberDto>>(await sender.Send(new ListWorkspaceMembersQuery(workspace, limit, cursor), ct)))
            .WithSummary("A workspace's members and their roles there, by user name.");

        workspaces.MapPut("/{workspace}/members/{userName}", async (string workspace, string userName, PutMemberRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new PutWorkspaceMemberCommand(workspace, userName, request.Roles ?? []), ct)))
            .WithSummary("Adds a user to the workspace or changes their roles there (its Admin); the last Admin stays Admin (409).");

        workspaces.MapDelete("/{workspace}/members/{userName}", async (string workspace, string userName, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveWorkspaceMemberCommand(workspace, userName), ct);
            return TypedResults.NoContent();
        }).WithSummary("Takes a user out of the workspace (its Admin); the last Admin cannot be removed (409).");
    }
}
