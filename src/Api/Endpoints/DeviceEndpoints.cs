using Mediator;
using Platform.Application.Fleet.Commands.EnrolDevice;
using Platform.Application.Fleet.Commands.IssueDeviceToken;
using Platform.Application.Fleet.Commands.RotateDeviceKey;
using Platform.Application.Fleet.Commands.ReportDeviceState;
using Platform.Application.Fleet.Queries.GetDesiredState;
using Platform.Application.Fleet.Queries.GetDeviceModelFile;
using Platform.Application.Fleet.Queries.GetOwnDevice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Platform.Application.Common.Interfaces;
using Platform.Contracts.Fleet;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints;

/// <summary>What an edge device itself calls (<see cref="FleetApi"/>; docs/decisions/ADR-008): enrol, prove its key for a token, who am I, rotate.</summary>
internal static class DeviceEndpoints
{
    public static void MapDeviceEndpoints(this RouteGroupBuilder api)
    {
        var fleet = api.MapGroup("/fleet").WithTags("Edge devices");
        fleet.MapPost("/enrol", async (EnrolRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EnrolDeviceCommand(body), ct)))
            .AllowAnonymous()
            .WithSummary("A device enrols with a one-time token and its P-256 public key (JWK); a repeat with the same token and key answers the same device.");
        fleet.MapPost("/devices/{id:guid}/token", async (Guid id, DeviceTokenRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new IssueDeviceTokenCommand(id, body.Assertion), ct)))
            .AllowAnonymous()
            .WithSummary("A bearer token (10 minutes) for an ES256 assertion signed by the device's key: iss = sub = the device id, aud = this path, exp ≤ 5 min after iat, a new jti.");
        fleet.MapGet("/device", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetOwnDeviceQuery(), ct)))
            .WithSummary("The calling device (device token): its id, workspace, labels, state and the platform's manifest keys.");
        fleet.MapPut("/device/key", async (RotateKeyRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RotateDeviceKeyCommand(body), ct)))
            .WithSummary("The calling device replaces its key, proving the new one with an assertion (aud: this path); tokens of the old key stop at once.");
        fleet.MapGet("/device/desired-state", async Task<IResult> (
                [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, HttpContext http, IManifestSigner signer, ISender sender, CancellationToken ct) =>
            {
                var response = http.Response;
                // The unchanged poll, answered from what the device token's check just read with the device's state (its
                // desired revision): no further query and no write, so that a quiet fleet costs next to nothing. The
                // principal is a device's (only the device token's check sets the claim); anything else takes the use case.
                if (ifNoneMatch is not null && http.User.FindFirst(PlatformClaims.DesiredRevision)?.Value is { } revision
                    && ifNoneMatch == GetDesiredStateQuery.ETag($"{revision}.{signer.PublicKeys[0].Kid}"))
                {
                    response.Headers.ETag = ifNoneMatch;
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                }

                var desired = await sender.Send(new GetDesiredStateQuery(ifNoneMatch), ct);
                if (desired is null)
                {
                    response.Headers.ETag = ifNoneMatch;
                    return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                }

                response.Headers.ETag = GetDesiredStateQuery.ETag(desired.Revision);
                return TypedResults.Ok(desired);
            })
            .WithSummary("What the calling device should run, each model with a signed manifest; 304 while its ETag (If-None-Match) is current.");
        fleet.MapPost("/device/report", async (DeviceReport body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReportDeviceStateCommand(body), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithSummary("The calling device's actual state (202): each report replaces the last; a repeat or a late one (sequence not above the last) changes nothing.");
        fleet.MapGet("/device/models/{model}/versions/{version:int}/file", async (string model, int version, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetDeviceModelFileQuery(model, version), ct);
                return TypedResults.Stream(file.Content, "application/octet-stream", file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
            })
            .WithSummary("A model version's file for the calling device (one it is sent), with Range so that a cut download resumes.");
    }
}
