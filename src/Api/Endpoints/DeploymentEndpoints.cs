using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Deployments;
using Platform.Application.Deployments.Commands.CreateInferenceKey;
using Platform.Application.Deployments.Commands.PutDeployment;
using Platform.Application.Deployments.Commands.ReportCanaryRollback;
using Platform.Application.Deployments.Commands.ReportMonitoring;
using Platform.Application.Deployments.Commands.RevokeInferenceKey;
using Platform.Application.Deployments.Commands.RollbackDeployment;
using Platform.Application.Deployments.Queries.GetDeployment;
using Platform.Application.Deployments.Queries.GetDeploymentMonitoring;
using Platform.Application.Deployments.Queries.ListDeploymentRevisions;
using Platform.Application.Deployments.Queries.ListDeployments;
using Platform.Application.Deployments.Queries.ListInferenceKeys;
using Platform.Application.Deployments.Queries.ListMonitoringHistory;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;
using Platform.Domain.Jobs;

namespace Platform.Api.Endpoints;

internal static class DeploymentEndpoints
{
    public sealed record DeploymentBody(
        string? Model, DeploymentEnvironment? Environment, HardwareClass? HardwareClass, IReadOnlyList<TrafficVersionRequest>? Versions,
        CanaryPolicy? CanaryPolicy, DriftPolicy? DriftPolicy, string? Reason);

    public sealed record ReasonBody(string? Reason);

    public sealed record KeyBody(string? Name);

    public static void MapDeploymentEndpoints(this RouteGroupBuilder api)
    {
        var deployments = api.MapGroup("/deployments").WithTags("Deployments");
        deployments.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<DeploymentDto>>(await sender.Send(new ListDeploymentsQuery(limit, cursor), ct)))
            .WithSummary("Deployments by name, each with its active revision and the one being validated (paged).");
        deployments.MapGet("/{name}", async (string name, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var deployment = await sender.Send(new GetDeploymentQuery(name), ct);
                response.SetETag(deployment.ConcurrencyVersion);
                return TypedResults.Ok(deployment);
            })
            .WithSummary("A deployment: active revision, the revision being validated, latest monitoring; its ETag goes in If-Match.");
        deployments.MapPut("/{name}", async Task<IResult> (
                string name, DeploymentBody body, [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch, ISender sender, HttpResponse response,
                CancellationToken ct) =>
            {
                var change = await sender.Send(new PutDeploymentCommand(
                    name, body.Model, body.Environment, body.HardwareClass ?? HardwareClass.Cpu, body.Versions, body.CanaryPolicy, body.DriftPolicy,
                    body.Reason, ETags.ExpectedVersion(ifMatch)), ct);
                response.SetETag(change.Deployment.ConcurrencyVersion);
                return change.Job is { } job ? TypedResults.Accepted($"/api/v1/jobs/{job.Id}", change) : TypedResults.Ok(change);
            })
            .WithSummary("Creates or changes a deployment's desired state (Operator): 202 with the deploy job when a version needs validation, else 200.");
        deployments.MapGet("/{name}/revisions", async (string name, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<RevisionDto>>(await sender.Send(new ListDeploymentRevisionsQuery(name, limit, cursor), ct)))
            .WithSummary("A deployment's revisions, newest first (paged).");
        deployments.MapPost("/{name}/rollback", async (string name, ReasonBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RollbackDeploymentCommand(name, body.Reason), ct)))
            .WithSummary("One step back to the revision active before the current one (Operator), as a new revision.");
        deployments.MapPost("/{name}/canary-rollbacks", async (string name, CanaryRollbackReport report, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReportCanaryRollbackCommand(name, report), ct)))
            .WithSummary("A serving host rolled the canary back (Operator): recorded once; a repeat changes nothing.");
        deployments.MapPost("/{name}/monitoring", async (string name, MonitoringReport report, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReportMonitoringCommand(name, report), ct)))
            .WithSummary("A serving host's figures and drift per version since its last report (Operator).");
        deployments.MapGet("/{name}/monitoring", async (string name, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDeploymentMonitoringQuery(name), ct)))
            .WithSummary("The latest figures per version: requests, errors, latency, drift per feature, alert state.");
        deployments.MapGet("/{name}/monitoring/history", async (string name, int? version, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<VersionMonitoringDto>>(await sender.Send(new ListMonitoringHistoryQuery(name, version, limit, cursor), ct)))
            .WithSummary("The monitoring reports kept (the newest 1,000), newest first, optionally of one version (paged).");
        deployments.MapPost("/{name}/keys", async (HttpContext http, string name, KeyBody body, ISender sender, CancellationToken ct) =>
            {
                var key = await sender.Send(new CreateInferenceKeyCommand(name, body.Name), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"deployments/{name}/keys/{key.Id}"), key);
            })
            .WithSummary("A new inference key (Operator); the key is in this answer only.");
        deployments.MapGet("/{name}/keys", async (string name, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<InferenceKeyDto>>(await sender.Send(new ListInferenceKeysQuery(name, limit, cursor), ct)))
            .WithSummary("The deployment's inference keys: name, prefix, created, revoked (Operator).");
        deployments.MapDelete("/{name}/keys/{id:guid}", async (string name, Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeInferenceKeyCommand(name, id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revokes an inference key (Operator).");
    }
}
