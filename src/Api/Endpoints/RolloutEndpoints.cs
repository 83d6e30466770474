using Mediator;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Fleet;
using Platform.Application.Fleet.Commands.AbortRollout;
using Platform.Application.Fleet.Commands.ApproveRollout;
using Platform.Application.Fleet.Commands.PauseRollout;
using Platform.Application.Fleet.Commands.RejectRollout;
using Platform.Application.Fleet.Commands.ResumeRollout;
using Platform.Application.Fleet.Commands.RollBackRollout;
using Platform.Application.Fleet.Commands.StartRollout;
using Platform.Application.Fleet.Queries.GetRollout;
using Platform.Application.Fleet.Queries.ListRollouts;
using Platform.Application.Fleet.Queries.ListRolloutTargets;
using Platform.Domain.Deployments;
using Platform.Domain.Fleet;

namespace Platform.Api.Endpoints;

/// <summary>Rollouts of approved model versions across a workspace's fleet (issue 18).</summary>
internal static class RolloutEndpoints
{
    public sealed record RolloutBody(
        string? Model, int? Version, DeploymentEnvironment? Environment, string? Selector, IReadOnlyList<Wave>? Waves, RolloutRate? Rate, HealthGate? Gate,
        LocalHealthLimits? HealthCheck, FailurePolicy? OnFailure, bool? RequireApproval);

    public sealed record ReasonBody(string? Reason);

    public sealed record DecisionBody(string? Comment);

    public static void MapRolloutEndpoints(this RouteGroupBuilder api)
    {
        var rollouts = api.MapGroup("/fleet/rollouts").WithTags("Fleet");
        rollouts.MapPost("/", async (HttpContext http, RolloutBody body, ISender sender, CancellationToken ct) =>
            {
                var rollout = await sender.Send(new StartRolloutCommand(
                    body.Model, body.Version, body.Environment, body.Selector, body.Waves, body.Rate, body.Gate, body.HealthCheck, body.OnFailure, body.RequireApproval), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"fleet/rollouts/{rollout.Id}"), rollout);
            })
            .WithSummary("Starts a rollout of a model version approved into its environment (Operator; 422 otherwise) to the devices a selector picks, in waves; "
                + "with requireApproval it awaits an Approver's approval first.");
        rollouts.MapGet("/", async (string? model, RolloutState? state, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<RolloutDto>>(await sender.Send(new ListRolloutsQuery(model, state, limit, cursor), ct)))
            .WithSummary("The workspace's rollouts, newest first (paged, at most 100 a page), each with its waves' progress.");
        rollouts.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRolloutQuery(id), ct)))
            .WithSummary("A rollout: plan, state, reason, and each wave's devices by status with their figures.");
        rollouts.MapGet("/{id:guid}/devices", async (Guid id, int? wave, RolloutDeviceStatus? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<RolloutTargetDto>>(await sender.Send(new ListRolloutTargetsQuery(id, wave, status, limit, cursor), ct)))
            .WithSummary("The devices a rollout gave its version to (paged), optionally of one wave or status.");
        rollouts.MapPost("/{id:guid}/pause", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PauseRolloutCommand(id, body?.Reason), ct)))
            .WithSummary("Pauses a running rollout (Operator).");
        rollouts.MapPost("/{id:guid}/resume", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResumeRolloutCommand(id, body?.Reason), ct)))
            .WithSummary("Resumes a paused rollout (Operator): its wave is judged afresh from now.");
        rollouts.MapPost("/{id:guid}/abort", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AbortRolloutCommand(id, body?.Reason), ct)))
            .WithSummary("Aborts a rollout (Operator): nobody else gets the version; those who have it keep it.");
        rollouts.MapPost("/{id:guid}/rollback", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RollBackRolloutCommand(id, body?.Reason), ct)))
            .WithSummary("Rolls a rollout back (Operator): every device it touched is sent its previous version.");
        rollouts.MapPost("/{id:guid}/approve", async (Guid id, DecisionBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveRolloutCommand(id, body?.Comment), ct)))
            .WithSummary("Approves a rollout awaiting its approval (Approver, not its starter): it starts now over the devices its selector picks now.");
        rollouts.MapPost("/{id:guid}/reject", async (Guid id, DecisionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectRolloutCommand(id, body.Comment), ct)))
            .WithSummary("Rejects a rollout awaiting its approval (Approver, not its starter) with a comment: it ends, no device having got anything.");
    }
}
