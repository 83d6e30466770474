namespace Platform.Workers.Executors;

/// <summary>Runs jobs of one kind. Throws <see cref="JobInputException"/> for bad input (no retry), <see cref="JobFailedException"/> for a failure to report.</summary>
public interface IJobExecutor
{
    string Kind { get; }

    /// <returns>The job's result as JSON, or null.</returns>
    Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken);
}

/// <summary>The job as its executor sees it, with its way to the Api (<see cref="IJobApi"/>).</summary>
public sealed record JobExecution(Guid JobId, Guid? RunId, string ParametersJson, int Attempt, IJobApi Api);

/// <summary>How an executor reports: progress (coalesced), log lines and metric points (batched).</summary>
public interface IJobReporter
{
    void Progress(double percent, string? phase = null, string? message = null);

    void Log(string line);

    void Metric(string key, double value, long step);
}

/// <summary>The job's input is wrong: it fails at once, with this message as its reason, and is not retried.</summary>
public sealed class JobInputException(string message) : Exception(message);

/// <summary>The job ran and failed, for the reason given.</summary>
public sealed class JobFailedException(string message) : Exception(message);
