using Mediator;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Governance;
using Platform.Application.Governance.Commands.ApprovePromotion;
using Platform.Application.Governance.Commands.ChangeModelStage;
using Platform.Application.Governance.Commands.RejectPromotion;
using Platform.Application.Governance.Commands.RequestPromotion;
using Platform.Application.Governance.Commands.WithdrawPromotion;
using Platform.Application.Governance.Queries.GetPromotionRequest;
using Platform.Application.Governance.Queries.GetStageHistory;
using Platform.Application.Governance.Queries.ListPromotionRequests;
using Platform.Application.Registry;
using Platform.Application.Registry.Commands.DeleteModelVersionTag;
using Platform.Application.Registry.Commands.SetModelVersionTag;
using Platform.Domain.Governance;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Api.Endpoints;

internal static class GovernanceEndpoints
{
    public sealed record PromotionBody(ModelStage TargetStage, string Justification);

    public sealed record DecisionBody(string? Comment);

    public sealed record StageBody(ModelStage Stage, string Reason);

    public sealed record TagBody(string Value);

    public static void MapGovernanceEndpoints(this RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/models/{name}").WithTags("Governance");
        versions.MapPost("/versions/{version:int}/promotions", async (HttpContext http, string name, int version, PromotionBody body, ISender sender, CancellationToken ct) =>
            {
                var request = await sender.Send(new RequestPromotionCommand(name, version, body.TargetStage, body.Justification), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"promotions/{request.Id}"), request);
            })
            .WithSummary("Requests promotion to Staging or Production; the gates are checked now (422 naming each failed gate).");
        versions.MapPost("/versions/{version:int}/stage", async (string name, int version, StageBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeModelStageCommand(name, version, body.Stage, body.Reason), ct)))
            .WithSummary("Moves a version back to Development or to Archived, with a reason (Staging and Production need a promotion request).");
        versions.MapGet("/stage-history", async (string name, int? version, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<StageTransitionDto>>(await sender.Send(new GetStageHistoryQuery(name, version, limit, cursor), ct)))
            .WithSummary("Who moved which version from which stage to which, when and why; newest first, paged (?version= for one).");
        versions.MapPut("/versions/{version:int}/tags/{key}", async (string name, int version, string key, TagBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetModelVersionTagCommand(name, version, key, body.Value), ct)))
            .WithSummary("Sets a tag on a version; answers all its tags.");
        versions.MapDelete("/versions/{version:int}/tags/{key}", async (string name, int version, string key, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteModelVersionTagCommand(name, version, key), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes a tag from a version.");

        var promotions = api.MapGroup("/promotions").WithTags("Governance");
        promotions.MapGet("/", async (PromotionStatus? status, string? model, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<PromotionRequestDto>>(await sender.Send(new ListPromotionRequestsQuery(status, model, limit, cursor), ct)))
            .WithSummary("Promotion requests, newest first (?status=Pending is the approvals inbox); paged.");
        promotions.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPromotionRequestQuery(id), ct)))
            .WithSummary("One request: decisions, the policy it is under, the gate evidence at request and at final approval.");
        promotions.MapPost("/{id:guid}/approve", async (Guid id, DecisionBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApprovePromotionCommand(id, body?.Comment), ct)))
            .WithSummary("Approves (not your own request; one person counts once). The last approval needed moves the stage and archives the previous holder.");
        promotions.MapPost("/{id:guid}/reject", async (Guid id, DecisionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RejectPromotionCommand(id, body.Comment ?? ""), ct)))
            .WithSummary("Rejects, with a comment saying why.");
        promotions.MapPost("/{id:guid}/withdraw", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new WithdrawPromotionCommand(id), ct)))
            .WithSummary("Withdraws your own pending request.");
    }
}
