using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Exceptions;
using Platform.Application.Deployments.Queries.GetServingDesiredState;
using Platform.Contracts.Api;

namespace Platform.Api.Endpoints;

/// <summary>
/// What serving hosts poll: one platform-wide route for all the workspaces a host serves (the rest of what a host
/// calls, model files and reports, lives in each deployment's workspace).
/// </summary>
internal static class ServingControlPlaneEndpoints
{
    public static void MapServingControlPlaneEndpoints(this RouteGroupBuilder api) =>
        api.MapGet(ServingControlPlaneApi.DesiredState["/api/v1".Length..], async Task<IResult> (
                [FromHeader(Name = ETags.IfNoneMatchHeader)] string? ifNoneMatch, string? workspaces, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                if (workspaces is not (null or "all"))
                {
                    throw RequestValidationException.For("workspaces", "must be 'all', or left out for the default workspace's deployments");
                }

                var known = ETags.KnownVersion(ifNoneMatch);
                var state = await sender.Send(new GetServingDesiredStateQuery(known, workspaces == "all"), ct);
                response.SetETag(state?.Version ?? known!.Value);
                return state is null ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(state);
            })
            .WithTags("Deployments")
            .WithSummary("What serving hosts serve: the active revision of every deployment in the default workspace, or with workspaces=all in each workspace the caller operates in, hashes, baselines and key hashes; 304 when If-None-Match names the current version.");
}
