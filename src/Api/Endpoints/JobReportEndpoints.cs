using Mediator;
using Platform.Application.Common.Exceptions;
using Platform.Application.Jobs.Commands.ClaimJob;
using Platform.Application.Jobs.Commands.RenewJobLease;
using Platform.Application.Jobs.Commands.ReportJobEnd;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Api.Endpoints;

/// <summary>
/// What the worker running a job must get through (<see cref="JobReportsApi"/>): the claim, with the job message's
/// claim ticket; the lease renewals and the end, with the attempt's job token. Over HTTP rather than the bus, so a
/// broker restart cannot hold back a claim, a lease renewal or a job's end.
/// </summary>
internal static class JobReportEndpoints
{
    public static void MapJobReportEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs (worker reports)");

        jobs.MapPost("/{id:guid}/claim", async (Guid id, JobClaimRequest request, ISender sender, CancellationToken ct) =>
                await sender.Send(new ClaimJobCommand(id, request.WorkerId), ct) switch
                {
                    JobClaimed claimed => TypedResults.Ok(claimed),
                    JobClaimRefused refused => throw new ConflictException("job.not-claimable", refused.Reason),
                    var other => throw new InvalidOperationException($"A claim answered {other.GetType().Name}."),
                })
            .WithSummary("With the job message's claim ticket: takes the job for this worker; 409 when it is not the worker's to run, 401 once the attempt is no longer queued.");

        jobs.MapPost("/{id:guid}/lease", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RenewJobLeaseCommand(id), ct)))
            .WithSummary("With the attempt's job token: renews the lease and says whether cancellation was asked for (401 once the lease is lost).");

        jobs.MapPost("/{id:guid}/end", async (Guid id, JobEndReport report, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReportJobEndCommand(id, report.Outcome, report.Reason, report.ResultJson), ct)))
            .WithSummary("With the attempt's job token: how it ended (Succeeded, Failed, Cancelled, TimedOut, or Released to the queue).");
    }
}
