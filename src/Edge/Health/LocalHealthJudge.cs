using System.Globalization;
using Platform.Contracts.Fleet;
using Platform.Serving.Monitoring;

namespace Platform.Edge.Health;

/// <summary>
/// Judges a version in its first minutes by its rollout's <see cref="LocalHealthCheck"/>: once it has served at least
/// <see cref="LocalHealthCheck.MinInferences"/> inferences, an error rate or p95 past the limits fails it; fewer say
/// nothing either way. Past the window without a failure it is healthy. No check at all: healthy at once.
/// </summary>
internal static class LocalHealthJudge
{
    public static HealthVerdict Judge(LocalHealthCheck? check, LatencyFigures figures, TimeSpan sinceSwitch)
    {
        if (check is null)
        {
            return HealthVerdict.Healthy;
        }

        if (figures.Requests >= Math.Max(1, check.MinInferences))
        {
            if (check.MaxErrorRate is { } maxErrorRate && figures.ErrorRate > maxErrorRate)
            {
                return HealthVerdict.Failed(string.Create(
                    CultureInfo.InvariantCulture, $"error rate {figures.ErrorRate:P1} over {figures.Requests} inferences passed the limit of {maxErrorRate:P1}"));
            }

            if (check.MaxP95Milliseconds is { } maxP95 && figures.P95Milliseconds > maxP95)
            {
                return HealthVerdict.Failed(string.Create(
                    CultureInfo.InvariantCulture, $"p95 latency {figures.P95Milliseconds:F1} ms over {figures.Requests} inferences passed the limit of {maxP95:F1} ms"));
            }
        }

        return sinceSwitch >= TimeSpan.FromSeconds(Math.Max(0, check.WindowSeconds)) ? HealthVerdict.Healthy : HealthVerdict.Watching;
    }
}

/// <summary>A judgement: still watching, healthy, or failed with the reason.</summary>
internal sealed record HealthVerdict(ModelOnDevice? State, string? Reason)
{
    public static readonly HealthVerdict Watching = new(null, null);

    public static readonly HealthVerdict Healthy = new(ModelOnDevice.Healthy, null);

    public static HealthVerdict Failed(string reason) => new(ModelOnDevice.Failed, reason);
}
