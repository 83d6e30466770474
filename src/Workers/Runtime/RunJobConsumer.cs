using System.Diagnostics;
using MassTransit;
using Platform.Contracts.Api;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Api;
using Platform.Workers.Executors;

namespace Platform.Workers.Runtime;

/// <summary>
/// Takes a job from its queue: claims it from the Api (a refused claim means another worker has it or it ended:
/// acknowledge and do nothing), runs it under a renewed lease, and reports how it ended. Bad input fails the job
/// at once; infrastructure faults before the claim are retried by the endpoint's back-off policy. The claim goes to the
/// Api over HTTP with the message's ticket and brings the attempt's token; the lease renewals and the end go over HTTP
/// with that token. No job is taken before the Api answers (<see cref="ApiReadiness"/>).
/// </summary>
internal sealed class RunJobConsumer(
    IBus bus, JobClaimer claims, JobReportsClient api, ApiReadiness apiReady, WorkerIdentity identity, RunningJobs running, LeaseKeeper leases,
    IEnumerable<IJobExecutor> executors, ILogger<RunJobConsumer> logger) : IConsumer<RunJob>
{
    private static readonly ActivitySource Source = new("Platform.Workers");

    public async Task Consume(ConsumeContext<RunJob> context)
    {
        var message = context.Message;
        await apiReady.WaitAsync(context.CancellationToken);
        using var slot = await running.TakeSlotAsync(context.CancellationToken);
        var (claimed, refused) = await claims.ClaimAsync(message, identity.Id);
        if (claimed is null)
        {
            logger.LogInformation("Job {JobId} not taken: {Reason}", message.JobId, refused?.Reason);
            return;
        }

        using var activity = Source.StartActivity($"job {message.Kind}");
        activity?.SetTag("platform.job_id", message.JobId);
        activity?.SetTag("platform.attempt", claimed.Attempt);
        var job = running.TryStart(message.JobId, TimeSpan.FromSeconds(message.TimeoutSeconds));
        if (job is null)
        {
            logger.LogInformation("Job {JobId} redelivered while this worker runs it; the running one goes on", message.JobId);
            return;
        }

        try
        {
            await using var reporter = new BusJobReporter(bus, message.JobId, claimed.LeaseId, message.RunId);
            using var lease = leases.Keep(job, claimed);
            var (outcome, reason, result) = await ExecuteAsync(message, claimed, job, reporter);
            await FlushLastReportsAsync(reporter, message.JobId);
            if (outcome is null)
            {
                logger.LogWarning("Job {JobId}: lease lost, another worker may have it; stopping without a report", message.JobId);
            }
            else
            {
                await ReportEndAsync(claimed, new JobEndReport(outcome, reason, result));
                logger.LogInformation("Job {JobId} {Outcome}{Reason}", message.JobId, outcome, reason is null ? "" : ": " + reason);
            }
        }
        finally
        {
            // Only once its end is with the Api: until then the job is still Running there under this worker's lease,
            // so a message redelivered meanwhile (the last reports wait out a broker restart) is granted the same lease
            // again, and must find the job running here rather than run it a second time.
            running.Finish(message.JobId);
        }
    }

    /// <summary>The job's last logs and metrics go before its end, retried for a while; the end is not held back for them.</summary>
    private async Task FlushLastReportsAsync(BusJobReporter reporter, Guid jobId)
    {
        try
        {
            await ReportPublishing.RetryAsync(() => reporter.FlushAsync(CancellationToken.None), TimeSpan.FromSeconds(30), logger, "the job's last reports");
        }
        catch (Exception e)
        {
            logger.LogWarning("Job {JobId}: its last logs and metrics could not be sent ({Error})", jobId, e.Message);
        }
    }

    /// <summary>The end of a job must reach the Api: asked for up to five minutes, while the lease is still renewed.</summary>
    private async Task ReportEndAsync(JobClaimed claimed, JobEndReport end)
    {
        try
        {
            await api.ReportEndAsync(claimed, end, TimeSpan.FromMinutes(5));
        }
        catch (Exception e)
        {
            logger.LogError("Job {JobId}: its end ({Outcome}) could not be reported; the job runs again when its lease runs out ({Error})",
                claimed.JobId, end.Outcome, e.Message);
        }
    }

    private async Task<(string? Outcome, string? Reason, string? Result)> ExecuteAsync(
        RunJob message, JobClaimed claimed, RunningJob job, BusJobReporter reporter)
    {
        var executor = executors.FirstOrDefault(e => e.Kind == message.Kind);
        if (executor is null)
        {
            return ("Failed", $"This worker has no executor for {message.Kind} jobs.", null);
        }

        try
        {
            reporter.Progress(0, "started", $"on {identity.Id}, attempt {claimed.Attempt}");
            var result = await executor.ExecuteAsync(new JobExecution(message.JobId, message.RunId, message.ParametersJson, claimed.Attempt, api.ForAttempt(claimed, message.RunId)), reporter, job.Token);
            return ("Succeeded", null, result);
        }
        catch (OperationCanceledException) when (job.Token.IsCancellationRequested)
        {
            return job.Reason switch
            {
                StopReason.CancelRequested => ("Cancelled", "Cancelled on request.", null),
                StopReason.TimedOut => ("TimedOut", $"Did not finish within its timeout of {message.TimeoutSeconds} s.", null),
                StopReason.LeaseLost => (null, null, null),
                _ => (JobReportsApi.Released, $"Worker {identity.Id} shut down before the job finished; handed back.", null),
            };
        }
        catch (JobInputException e)
        {
            return ("Failed", e.Message, null);
        }
        catch (JobFailedException e)
        {
            return ("Failed", e.Message, null);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} failed", message.JobId);
            return ("Failed", $"{e.GetType().Name}: {e.Message}", null);
        }
    }
}
