using Platform.Contracts.Fleet;

namespace Platform.Edge.Polling;

/// <summary>
/// How long to wait before the next poll: the interval after a success, doubled per failure in a row up to the maximum
/// back-off, each wait spread by ±jitter of itself at random so that devices back after an outage do not all call in the
/// same second. The policy is the platform's (<see cref="DevicePolling"/>), with defaults until its first answer.
/// </summary>
internal sealed class PollSchedule(Random random)
{
    public static readonly DevicePolling Defaults = new(IntervalSeconds: 30, Jitter: 0.2, MaxBackoffSeconds: 300);

    private DevicePolling _policy = Defaults;

    /// <summary>Failures in a row since the last success.</summary>
    public int Failures { get; private set; }

    public DevicePolling Policy => _policy;

    /// <summary>Takes the platform's policy, made sane: a bad value from the platform must not make the device spin or sleep forever.</summary>
    public void Use(DevicePolling? policy)
    {
        if (policy is null)
        {
            return;
        }

        var interval = Math.Clamp(policy.IntervalSeconds, 1, 86_400);
        _policy = new DevicePolling(interval, double.IsFinite(policy.Jitter) ? Math.Clamp(policy.Jitter, 0, 0.9) : Defaults.Jitter, Math.Clamp(policy.MaxBackoffSeconds, interval, 86_400));
    }

    /// <summary>The wait after a successful poll (failures forgotten).</summary>
    public TimeSpan AfterSuccess()
    {
        Failures = 0;
        return Spread(_policy.IntervalSeconds);
    }

    /// <summary>The wait after a failed poll: interval × 2^failures, at most the maximum back-off, then spread.</summary>
    public TimeSpan AfterFailure()
    {
        Failures++;
        var exponent = Math.Min(Failures, 30);
        var seconds = Math.Min(_policy.IntervalSeconds * Math.Pow(2, exponent), _policy.MaxBackoffSeconds);
        return Spread(seconds);
    }

    private TimeSpan Spread(double seconds) =>
        TimeSpan.FromSeconds(Math.Max(0.1, seconds * (1 + (_policy.Jitter * ((2 * random.NextDouble()) - 1)))));
}
