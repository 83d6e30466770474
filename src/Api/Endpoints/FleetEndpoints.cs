using Mediator;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Fleet;
using Platform.Application.Fleet.Commands.CreateEnrolmentToken;
using Platform.Application.Fleet.Commands.CreateEnrolmentTokens;
using Platform.Application.Fleet.Commands.DecommissionDevice;
using Platform.Application.Fleet.Commands.RelabelDevice;
using Platform.Application.Fleet.Commands.ResumeDevice;
using Platform.Application.Fleet.Commands.RevokeDeviceCredential;
using Platform.Application.Fleet.Commands.RevokeEnrolmentToken;
using Platform.Application.Fleet.Commands.SuspendDevice;
using Platform.Application.Fleet.Queries.GetDevice;
using Platform.Application.Fleet.Queries.GetFleetSummary;
using Platform.Application.Fleet.Queries.ListDevices;
using Platform.Application.Fleet.Queries.ListEnrolmentTokens;
using Platform.Domain.Fleet;

namespace Platform.Api.Endpoints;

/// <summary>A workspace's fleet as Operators manage it: enrolment tokens and devices (issue 18).</summary>
internal static class FleetEndpoints
{
    public sealed record EnrolmentTokenBody(string? Name, IReadOnlyDictionary<string, string>? Labels, int? ExpiresInHours);

    public sealed record EnrolmentTokenBatchBody(string? Name, IReadOnlyDictionary<string, string>? Labels, int? ExpiresInHours, int? Count);

    public sealed record LabelsBody(IReadOnlyDictionary<string, string>? Labels);

    public static void MapFleetEndpoints(this RouteGroupBuilder api)
    {
        var fleet = api.MapGroup("/fleet").WithTags("Fleet");
        fleet.MapPost("/enrolment-tokens", async (HttpContext http, EnrolmentTokenBody body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateEnrolmentTokenCommand(body.Name, body.Labels, body.ExpiresInHours), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"fleet/enrolment-tokens/{created.Token.Id}"), created);
            })
            .WithSummary("A one-time enrolment token for one device (Operator): its secret is in this answer only; it expires (24 h unless told) and may bind labels.");
        fleet.MapPost("/enrolment-tokens/batch", async (HttpContext http, EnrolmentTokenBatchBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Created(
                    ApiLocation.Of(http, "fleet/enrolment-tokens"),
                    await sender.Send(new CreateEnrolmentTokensCommand(body.Name, body.Labels, body.ExpiresInHours, body.Count), ct)))
            .WithSummary("Up to 1,000 one-time enrolment tokens at once (Operator), one per device, with the same name, labels and expiry: their secrets are in this answer only.");
        fleet.MapGet("/enrolment-tokens", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<EnrolmentTokenDto>>(await sender.Send(new ListEnrolmentTokensQuery(limit, cursor), ct)))
            .WithSummary("The workspace's enrolment tokens, newest first, with their status (unused, used, expired, revoked); never their secrets.");
        fleet.MapDelete("/enrolment-tokens/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevokeEnrolmentTokenCommand(id), ct)))
            .WithSummary("Revokes an enrolment token before it is used (Operator).");

        fleet.MapGet("/devices", async (
                string? selector, DeviceState? state, string? model, int? version, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<DeviceDto>>(await sender.Send(new ListDevicesQuery(selector, state, limit, cursor, model, version), ct)))
            .WithSummary("The fleet's devices by name (paged); selector: labels, e.g. region=eu-west,hw in (jetson,rpi),!legacy; state: Provisioned, Active, Suspended, Decommissioned; model (and version): serving it.");
        fleet.MapGet("/summary", async (string? selector, string? groupBy, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetFleetSummaryQuery(selector, groupBy), ct)))
            .WithSummary("The fleet in counts: by state, by model version served and its state, and by one label's value (region unless groupBy names another).");
        fleet.MapGet("/devices/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDeviceQuery(id), ct)))
            .WithSummary("A device: labels, state, inventory, its key's thumbprint, when it was last heard from, what it reports per model, what it should run, its rollouts.");
        fleet.MapPut("/devices/{id:guid}/labels", async (Guid id, LabelsBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RelabelDeviceCommand(id, body.Labels), ct)))
            .WithSummary("Replaces a device's labels (Operator).");
        fleet.MapPost("/devices/{id:guid}/suspend", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SuspendDeviceCommand(id), ct)))
            .WithSummary("Suspends a device (Operator): its next call is refused until it is resumed.");
        fleet.MapPost("/devices/{id:guid}/resume", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResumeDeviceCommand(id), ct)))
            .WithSummary("Resumes a suspended device (Operator).");
        fleet.MapPost("/devices/{id:guid}/decommission", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecommissionDeviceCommand(id), ct)))
            .WithSummary("Decommissions a device for good (Operator): refused from now on; its record and audit trail stay.");
        fleet.MapPost("/devices/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevokeDeviceCredentialCommand(id), ct)))
            .WithSummary("Revokes a device's key (Operator): refused until it enrols again.");
    }
}
