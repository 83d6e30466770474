using Mediator;
using Platform.Application.Federated.Commands.LeaveFederation;
using Platform.Application.Federated.Commands.RegisterSiteDataset;
using Platform.Application.Federated.Commands.SubmitSiteMessage;
using Platform.Application.Federated.Commands.SubmitSiteUpdate;
using Platform.Application.Federated.Queries.GetFederatedTask;
using Platform.Application.Federated.Queries.GetRoundWeights;
using Platform.Contracts.Federated;

namespace Platform.Api.Endpoints;

/// <summary>What a federated site (a fleet device, its device token) calls (<see cref="FederatedSiteApi"/>; docs/decisions/ADR-009).</summary>
internal static class FederatedSiteEndpoints
{
    public static void MapFederatedSiteEndpoints(this RouteGroupBuilder api)
    {
        var site = api.MapGroup("/fleet/device").WithTags("Federated sites");
        site.MapPut("/datasets/{name}", async (string name, SiteDatasetSummary body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RegisterSiteDatasetCommand(name, body), ct)))
            .WithSummary("The calling site registers a local dataset by its summary (row count; per column its kind, missing count, min, max, mean or distinct values), never its rows.");
        site.MapGet("/federated-task", async Task<IResult> (ISender sender, CancellationToken ct) =>
                await sender.Send(new GetFederatedTaskQuery(), ct) is { } task ? TypedResults.Ok(task) : TypedResults.NoContent())
            .WithSummary("What a round asks of the calling site now (the model, local training, update format, weights), or 204 while nothing is asked.");
        site.MapGet("/federations/{id:guid}/rounds/{roundId:guid}/weights", async (Guid id, Guid roundId, ISender sender, CancellationToken ct) =>
                TypedResults.Bytes(await sender.Send(new GetRoundWeightsQuery(id, roundId), ct), "application/octet-stream"))
            .WithSummary("The global weights an open round started from (float32, little-endian), for a site it sampled.");
        site.MapPost("/federations/{id:guid}/rounds/{roundId:guid}/update", async (Guid id, Guid roundId, SiteUpdate body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitSiteUpdateCommand(id, roundId, body), ct)))
            .WithSummary("The calling site's update for a round: once per round (a repeat of the same bytes is answered as the first; other bytes are a 409), "
                + "from a sampled, consenting site, before the deadline, of the model's shape and finite.");
        site.MapPost("/federations/{id:guid}/rounds/{roundId:guid}/{phase}", async (Guid id, Guid roundId, string phase, SiteMessage body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SubmitSiteMessageCommand(id, roundId, phase, body), ct)))
            .WithSummary("The calling site's message for a phase of secure aggregation (keys, shares or unmask): once per phase, from a site the phase waits for, checked before it is kept.");
        site.MapPost("/federations/{id:guid}/leave", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new LeaveFederationCommand(id), ct)))
            .WithSummary("The calling site withdraws its consent: it is asked nothing more by this federation.");
    }
}
