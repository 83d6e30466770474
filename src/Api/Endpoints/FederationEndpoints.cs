using Mediator;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Federated;
using Platform.Application.Federated.Commands.AdmitSites;
using Platform.Application.Federated.Commands.CancelFederation;
using Platform.Application.Federated.Commands.StartFederation;
using Platform.Application.Federated.Queries.GetFederation;
using Platform.Application.Federated.Queries.ListFederationRounds;
using Platform.Application.Federated.Queries.ListFederations;
using Platform.Application.Federated.Queries.ListFederationSites;
using Platform.Domain.Federated;

namespace Platform.Api.Endpoints;

/// <summary>Federated trainings over a workspace's fleet sites (issue 19; docs/decisions/ADR-009).</summary>
internal static class FederationEndpoints
{
    public sealed record FederationBody(Guid? ExperimentId, string? Name, FederationPlanInput? Plan);

    public sealed record AdmitBody(IReadOnlyList<Guid>? DeviceIds);

    public static void MapFederationEndpoints(this RouteGroupBuilder api)
    {
        var federations = api.MapGroup("/federations").WithTags("Federated training");
        federations.MapPost("/", async (HttpContext http, FederationBody body, ISender sender, CancellationToken ct) =>
            {
                var federation = await sender.Send(new StartFederationCommand(body.ExperimentId ?? Guid.Empty, body.Name, body.Plan), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"federations/{federation.Id}"), federation);
            })
            .WithSummary("Defines a federated training in an experiment (DataScientist), as a run of it: the model, the sites' selector and local dataset, "
                + "rounds, sampling, local training, strategy, compression, privacy, deadline and quorum. It waits for enough consenting sites, then runs.");
        federations.MapGet("/", async (Guid? experimentId, FederationState? state, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<FederationDto>>(await sender.Send(new ListFederationsQuery(experimentId, state, limit, cursor), ct)))
            .WithSummary("The workspace's federations, newest first (paged, at most 100 a page).");
        federations.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFederationQuery(id), ct)))
            .WithSummary("A federation: plan, state, rounds done, ε spent, and the model's features and classes once its first round opened.");
        federations.MapGet("/{id:guid}/rounds", async (Guid id, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<FederationRoundDto>>(await sender.Send(new ListFederationRoundsQuery(id, limit, cursor), ct)))
            .WithSummary("A federation's rounds, every attempt, newest first (paged): sites, phase, updates, bytes, losses, accuracy, ε, or why one failed.");
        federations.MapGet("/{id:guid}/sites", async (Guid id, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<FederationSiteDto>>(await sender.Send(new ListFederationSitesQuery(id, limit, cursor), ct)))
            .WithSummary("The sites admitted to a federation and those that left (paged).");
        federations.MapPost("/{id:guid}/sites", async (Guid id, AdmitBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AdmitSitesCommand(id, body.DeviceIds), ct)))
            .WithSummary("Admits sites to a federation by device id (Operator): their consent. Up to 1,000 at once; a site that left is admitted again.");
        federations.MapPost("/{id:guid}/cancel", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new CancelFederationCommand(id), ct)))
            .WithSummary("Cancels a federation (DataScientist): its open round is dropped and its run ends Killed.");
    }
}
