using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.LogMetrics;

/// <summary>
/// Logs a batch of metric points (at most <see cref="MaxPoints"/>, MLflow's log-batch limit). A point without a
/// step gets step 0; without a timestamp, the time the server received it.
/// </summary>
[RequiresRole(Permissions.Track)]
public sealed record LogMetricsCommand(Guid RunId, IReadOnlyList<MetricPointInput> Metrics) : ICommand<LogMetricsResult>
{
    public const int MaxPoints = 1000;
}

public sealed record MetricPointInput(string Key, double Value, long? Step, long? Timestamp);

public sealed record LogMetricsResult(int Accepted);

public sealed class LogMetricsCommandHandler(IPlatformDbContext db, IMetricWriter writer, TimeProvider clock)
    : ICommandHandler<LogMetricsCommand, LogMetricsResult>
{
    public async ValueTask<LogMetricsResult> Handle(LogMetricsCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureRunExistsAsync(command.RunId, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var points = new MetricPoint[command.Metrics.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var m = command.Metrics[i];
            points[i] = new MetricPoint(m.Key, m.Value, m.Step ?? 0, m.Timestamp ?? now);
        }

        await writer.WriteAsync(command.RunId, points, jobId: null, cancellationToken);
        return new LogMetricsResult(points.Length);
    }
}
