using Mediator;
using Platform.Application.Jobs.WorkerReports;
using Platform.Contracts.Api;

namespace Platform.Api.Endpoints;

/// <summary>
/// What the worker running a job must get through, called with the attempt's job token (<see cref="JobReportsApi"/>):
/// over HTTP rather than the bus, so a broker restart cannot hold back a lease renewal or a job's end.
/// </summary>
internal static class JobReportEndpoints
{
    public static void MapJobReportEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs (worker reports)");

        jobs.MapPost("/{id:guid}/lease", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RenewJobLeaseCommand(id), ct)))
            .WithSummary("With the attempt's job token: renews the lease and says whether cancellation was asked for (401 once the lease is lost).");

        jobs.MapPost("/{id:guid}/end", async (Guid id, JobEndReport report, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReportJobEndCommand(id, report.Outcome, report.Reason, report.ResultJson), ct)))
            .WithSummary("With the attempt's job token: how it ended (Succeeded, Failed, Cancelled, TimedOut, or Released to the queue).");
    }
}
