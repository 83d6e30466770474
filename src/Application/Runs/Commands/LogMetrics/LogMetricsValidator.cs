using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.LogMetrics;

public sealed class LogMetricsCommandValidator : AbstractValidator<LogMetricsCommand>
{
    public LogMetricsCommandValidator()
    {
        RuleFor(c => c.Metrics).NotNull().Must(m => m is { Count: > 0 and <= LogMetricsCommand.MaxPoints })
            .WithMessage($"must hold 1 to {LogMetricsCommand.MaxPoints} points");

        // One custom pass instead of a rule per point: a 1,000-point batch is the common case and must stay cheap.
        RuleFor(c => c.Metrics).Custom((points, context) =>
        {
            if (points is null)
            {
                return;
            }

            var validKeys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < points.Count; i++)
            {
                var point = points[i];
                if (point is null)
                {
                    context.AddFailure($"metrics[{i}]", "must be a metric point");
                    continue;
                }

                // A batch repeats a few keys many times: each distinct key is checked once.
                if (point.Key is null || (!validKeys.Contains(point.Key) && !TrackingKey.IsValid(point.Key)))
                {
                    context.AddFailure($"metrics[{i}].key", $"key {TrackingKey.Rule}");
                }
                else
                {
                    validKeys.Add(point.Key);
                }

                if (point.Timestamp is < 0)
                {
                    context.AddFailure($"metrics[{i}].timestamp", "must be epoch milliseconds, not negative");
                }
            }
        });
    }
}
