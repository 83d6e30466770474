using Mediator;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Notifications.Webhooks;
using Platform.Application.Notifications.Webhooks.Commands.CreateWebhook;
using Platform.Application.Notifications.Webhooks.Commands.DeleteWebhook;
using Platform.Application.Notifications.Webhooks.Commands.RedeliverWebhookDelivery;
using Platform.Application.Notifications.Webhooks.Commands.RotateWebhookSecret;
using Platform.Application.Notifications.Webhooks.Commands.UpdateWebhook;
using Platform.Application.Notifications.Webhooks.Queries.GetWebhook;
using Platform.Application.Notifications.Webhooks.Queries.ListWebhookDeliveries;
using Platform.Application.Notifications.Webhooks.Queries.ListWebhooks;
using Platform.Domain.Notifications;

namespace Platform.Api.Endpoints;

internal static class WebhookEndpoints
{
    public sealed record CreateWebhookRequest(string Name, string Url, IReadOnlyList<string>? EventTypes);

    public sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, bool? Active);

    public static void MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");

        webhooks.MapPost("/", async (HttpContext http, CreateWebhookRequest request, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateWebhookCommand(request.Name, request.Url, request.EventTypes ?? []), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"webhooks/{created.Subscription.Id}"), created);
            })
            .WithSummary("Subscribes a URL to events (none named: all); the signing secret is in this response only.");

        webhooks.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<WebhookSubscriptionDto>>(await sender.Send(new ListWebhooksQuery(limit, cursor), ct)))
            .WithSummary("Lists webhook subscriptions by name (paged; never their secrets).");

        webhooks.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetWebhookQuery(id), ct)))
            .WithSummary("One webhook subscription (never its secret).");

        webhooks.MapPatch("/{id:guid}", async (Guid id, UpdateWebhookRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateWebhookCommand(id, request.Url, request.EventTypes, request.Active), ct)))
            .WithSummary("Changes the URL, the event types or whether it is active; fields left out stay.");

        webhooks.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteWebhookCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes a subscription and its delivery log.");

        webhooks.MapPost("/{id:guid}/rotate-secret", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RotateWebhookSecretCommand(id), ct)))
            .WithSummary("Replaces the signing secret at once; the new secret is in this response only.");

        webhooks.MapGet("/{id:guid}/deliveries", async (Guid id, DeliveryStatus? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<WebhookDeliveryDto>>(await sender.Send(new ListWebhookDeliveriesQuery(id, status, limit, cursor), ct)))
            .WithSummary("The delivery log, newest first (paged; ?status=Pending|Delivered|Failed): attempts, last status code or error, next attempt.");

        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RedeliverWebhookDeliveryCommand(id, deliveryId), ct)))
            .WithSummary("Sends a delivery again at once (e.g. one that gave up, after the receiver is fixed).");
    }
}
