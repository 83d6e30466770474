using Mediator;
using Platform.Application.Common.Paging;
using Platform.Application.Jobs;
using Platform.Application.Jobs.Commands.CancelJob;
using Platform.Application.Jobs.Commands.RetryJob;
using Platform.Application.Jobs.Commands.SubmitJob;
using Platform.Application.Jobs.Queries.GetJob;
using Platform.Application.Jobs.Queries.GetJobLogs;
using Platform.Application.Jobs.Queries.ListJobs;
using Platform.Application.Jobs.Queries.ListTrainers;
using Platform.Application.Jobs.Queries.ListWorkers;
using Platform.Domain.Jobs;

namespace Platform.Api.Endpoints;

internal static class JobEndpoints
{
    public sealed record SubmitJobRequest(
        JobKind Kind, HardwareClass? HardwareClass, System.Text.Json.Nodes.JsonObject? Parameters, Guid? RunId, int? TimeoutSeconds, int? MaxAttempts);

    public static void MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");

        jobs.MapPost("/", async (SubmitJobRequest request, ISender sender, CancellationToken ct) =>
            {
                JobDto job = await sender.Send(new SubmitJobCommand(
                    request.Kind, request.HardwareClass ?? HardwareClass.Cpu, request.Parameters?.ToJsonString(), request.RunId,
                    request.TimeoutSeconds, request.MaxAttempts), ct);
                return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
            })
            .WithSummary("Submits a job (202): Train, Evaluate, Deploy or Diagnostic, on cpu or gpu; follow it at its location or over SignalR.");

        jobs.MapGet("/", async (JobState? state, JobKind? kind, Guid? runId, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<JobDto>>(await sender.Send(new ListJobsQuery(state, kind, limit, cursor, runId), ct)))
            .WithSummary("Lists the jobs you may see, newest first; filter by state, kind and run.");

        jobs.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetJobQuery(id), ct)))
            .WithSummary("Gets a job: state, progress, attempts, the worker and the reason it ended as it did.");

        jobs.MapGet("/{id:guid}/logs", async (Guid id, int? limit, string? cursor, int? tail, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<JobLogLineDto>>(await sender.Send(new GetJobLogsQuery(id, limit, cursor, tail), ct)))
            .WithSummary("A job's log lines in order, paged; ?tail=N (up to 1,000) answers only the last N lines, still in order.");

        jobs.MapPost("/{id:guid}/cancel", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CancelJobCommand(id), ct)))
            .WithSummary("Cancels a job; a running one stops (child processes included) within about a second.");

        jobs.MapPost("/{id:guid}/retry", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Accepted($"/api/v1/jobs/{id}", await sender.Send(new RetryJobCommand(id), ct)))
            .WithSummary("Queues a failed, cancelled or timed-out job again.");

        api.MapGet("/trainers", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListTrainersQuery(), ct)))
            .WithTags("Jobs").WithSummary("The built-in trainers and each one's hyper-parameters: kind, allowed range in words, default (null: the library's own).");
    }

    /// <summary>The worker fleet: platform-wide, so at the root only.</summary>
    public static void MapWorkerEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/workers", async (bool? online, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListWorkersQuery(online, limit, cursor), ct)))
            .WithTags("Jobs").WithSummary("Workers seen in the last day by name (paged; online=true for the online ones): hardware, kinds they run, last seen, online; the job in hand only where it is in a workspace of the caller's.");
}
