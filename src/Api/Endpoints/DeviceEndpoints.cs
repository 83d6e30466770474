using Mediator;
using Platform.Application.Fleet.Commands.EnrolDevice;
using Platform.Application.Fleet.Commands.IssueDeviceToken;
using Platform.Application.Fleet.Commands.RotateDeviceKey;
using Platform.Application.Fleet.Queries.GetOwnDevice;
using Platform.Contracts.Fleet;

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
    }
}
